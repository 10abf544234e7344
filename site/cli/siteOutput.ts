/**
 * Where a build writes. Astro's cache (the content store with what the last sync saw, and the
 * incremental-build manifest) belongs to one database and one output folder, so it lives with them,
 * never shared: a store filled from another database would make a later build skip real changes.
 * - SITE_OUT_DIR (tests, one-off builds): straight into that folder, cache beside it.
 * - otherwise the served site: a private working folder under DATA_DIR (SITE_BUILD_DIR), published
 *   to DIST_DIR as a whole new generation once built (site/cli/publishGeneration.ts).
 */
import path from 'node:path'

import { dataDir } from '../../cms/paths.ts'
import { distDir } from './distDir.ts'

export type SiteOutput = { outDir: string; cacheDir: string; publish: boolean }

export function siteOutput(): SiteOutput {
  const target = process.env.SITE_OUT_DIR
  if (target) {
    const outDir = path.resolve(target)
    return { outDir, cacheDir: process.env.ASTRO_CACHE_DIR || `${outDir}-cache`, publish: false }
  }
  const root = path.resolve(process.env.SITE_BUILD_DIR || path.join(dataDir, 'site-build'))
  return { outDir: path.join(root, 'out'), cacheDir: path.join(root, 'cache'), publish: true }
}

export { distDir }
