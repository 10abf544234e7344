/**
 * `npm start`: everything a new user needs, on one machine. Brings the database up to date (loading
 * content/ when it is empty), builds the public site when its content or sources changed, builds the
 * admin when its sources changed, then serves both and prints their URLs. While it runs, published
 * changes made in the admin rebuild the site by themselves (site/cli/siteWorker.ts, taking builds from the jobs queue).
 */
import { buildSite, distDir } from '../site/cli/build.ts'
import { draftPreviews } from '../site/cli/preview.ts'
import { serveStatic } from '../site/cli/serveStatic.ts'
import { startSiteWorker } from '../site/cli/siteWorker.ts'
import { builtDigest, recordDigest, siteDigest } from '../site/cli/siteDigest.ts'
import { payloadSecret } from '../cms/secret.ts'
import { ensureAdminBuild, startAdmin } from '../cms/cli/adminBuild.ts'
import { prepareDatabase } from '../cms/prepareDatabase.ts'

const log = (line: string) => console.log(line)
const started = Date.now()
const adminPort = Number(process.env.PORT || 3000)
const sitePort = Number(process.env.SITE_PORT || 4321)

const env: NodeJS.ProcessEnv = {
  ...process.env,
  // The generated local secret, handed to the production-mode servers, which refuse to invent one.
  PAYLOAD_SECRET: payloadSecret(),
  PAYLOAD_PUBLIC_SERVER_URL:
    process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${adminPort}`,
  SITE_URL: process.env.SITE_URL || `http://localhost:${sitePort}`,
  // Plain http on localhost: cookies cannot be https-only here. Production sets its own.
  COOKIE_SECURE: process.env.COOKIE_SECURE || 'false',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
}
Object.assign(process.env, env)

const { payload, needsFirstUser } = await prepareDatabase(log)

const digest = await siteDigest(payload)
if (digest === builtDigest()) {
  log('Public site is up to date.')
} else {
  log('Building the public site …')
  await buildSite(log)
  recordDigest(digest)
}

await ensureAdminBuild(env, log)

const previews = draftPreviews(payload)
const site = await serveStatic(distDir, {
  port: sitePort,
  host: process.env.HOST || '127.0.0.1',
  handle: previews.handle,
})
// The preview renderer starts now rather than on the first preview (SITE_BUILD_STANDBY=off: then).
if (process.env.SITE_BUILD_STANDBY !== 'off')
  void previews
    .warm()
    .catch((error: unknown) => log(`The preview renderer did not start: ${error}`))
// SITE_WORKER=off: this machine only serves; builds run on `npm run worker` machines.
const builder = process.env.SITE_WORKER === 'off' ? null : startSiteWorker(payload, { log })
const admin = startAdmin(adminPort, env)

admin.stdout?.on('data', (chunk: Buffer) => {
  if (!/Ready in/.test(chunk.toString())) return
  log('')
  log(`Public site (公开网站):  ${site.url}/`)
  log(`CMS admin (管理后台):    http://localhost:${adminPort}/admin`)
  if (needsFirstUser) {
    log('')
    log('No accounts yet: open the admin URL and create the first account there;')
    log('it becomes the administrator (系统管理员). There is no default password.')
  }
  log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)}s. Press Ctrl+C to stop.`)
})

const adminExited = new Promise((resolve) => admin.once('exit', resolve))
let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  admin.kill('SIGTERM')
  void site.close()
  // The admin and the build processes end first: none may go on writing DATA_DIR (the database
  // among it) once this has stopped, so whoever stopped it may remove the folder at once.
  // The preview renderer too.
  await Promise.all([adminExited, builder?.stop(), previews.stop()])
  process.exit(code)
}
admin.on('exit', (code) => void stop(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0))
