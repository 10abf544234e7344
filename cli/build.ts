/**
 * `npm run build`: the public site alone. Brings the database up to date (loading content/ if it is
 * empty), then builds dist/ from the published content (site/cli/build.ts). Also what the site
 * builder and previews run in a child process (site/cli/runSiteBuild.ts).
 */
// First: it switches this process to production mode before the CMS loads React.
import { buildSite } from '../site/cli/build.ts'

import { prepareDatabase } from '../cms/prepareDatabase.ts'
import { recordDigest, siteDigest } from '../site/cli/siteDigest.ts'

const { payload } = await prepareDatabase(console.log)
// Taken before building, so content published during the build counts as not yet built.
const digest = process.env.SITE_OUT_DIR ? null : await siteDigest(payload)
await buildSite()
if (digest) recordDigest(digest)
process.exit(0)
