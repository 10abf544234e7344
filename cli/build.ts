/**
 * `npm run build`: the public site alone. Brings the database up to date (loading content/ if it is
 * empty), then builds dist/ from the published content (site/cli/build.ts). Also what the site
 * builder runs in a child process (cms/jobs/runSiteBuild.ts).
 */
// First: it switches this process to production mode before the CMS loads React.
import { buildSite } from '../site/cli/build.ts'

import { prepareDatabase } from '../cms/prepareDatabase.ts'
import { recordDigest, siteDigest } from '../site/cli/siteDigest.ts'

// Started by a worker (cms/jobs/runSiteBuild.ts): stop when it does, even killed with SIGKILL. An
// orphaned build would go on writing the build folder the next worker's build then writes too, and
// could publish its older content over the newer build's.
if (process.channel) {
  process.channel.unref()
  process.on('disconnect', () => {
    console.error('The worker that started this build has stopped; the build stops too.')
    process.exit(1)
  })
}

/**
 * A standby build (cms/jobs/runSiteBuild.ts): all of the above loaded and the database open, it
 * waits for the word, which brings that build's own settings (its output folder, say).
 */
function buildRequested() {
  return new Promise<void>((resolve) => {
    process.channel!.ref()
    process.once('message', ({ env }: { env: Record<string, string> }) => {
      process.channel!.unref()
      Object.assign(process.env, env)
      resolve()
    })
    process.send!({ ready: true })
  })
}

const { payload } = await prepareDatabase(console.log)
if (process.env.SITE_BUILD_STANDBY === 'waiting' && process.channel) await buildRequested()
// Taken as the build starts, so content published during the build counts as not yet built; beside
// the build rather than before it (0.3 s at 10,000 items, on every publish): its few queries are done
// long before the content loader's first, a second into Astro's start. Were one ever later, the
// change it saw still has its build job waiting in the queue.
const [digest] = await Promise.all([
  process.env.SITE_OUT_DIR ? null : siteDigest(payload),
  buildSite(),
])
if (digest) recordDigest(digest)
process.exit(0)
