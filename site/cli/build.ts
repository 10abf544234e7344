/**
 * `npm run build`: the public site alone. Brings the database up to date (loading content/ if it is
 * empty), then builds dist/ from the published content.
 */
import { build } from 'astro'

import { prepareDatabase } from '../../cms/cli/prepareDatabase.ts'
import { projectRoot } from '../../cms/paths.ts'
import { payloadSecret } from '../../cms/secret.ts'
import { recordDigest, siteDigest } from './siteDigest.ts'

export async function buildSite(log: (line: string) => void = console.log) {
  // Astro builds in production mode, where the CMS refuses to invent a secret: hand it the local one.
  process.env.PAYLOAD_SECRET ||= payloadSecret()
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const started = Date.now()
  await build({ root: projectRoot, logLevel: process.env.CI ? 'warn' : 'info' })
  log(`Site built in ${((Date.now() - started) / 1000).toFixed(1)}s → dist/`)
}

if (import.meta.main) {
  const { payload } = await prepareDatabase(console.log)
  await buildSite()
  recordDigest(await siteDigest(payload))
  process.exit(0)
}
