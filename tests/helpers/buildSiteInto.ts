import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { nodeBin, repoRoot } from './paths.ts'

/**
 * The real build entry point (cli/build.ts), in its own process, from the SQLite database in
 * `dataDir` straight into `outDir` (SITE_OUT_DIR) with its own Astro cache, `env` added.
 */
export async function buildSiteInto(
  dataDir: string,
  outDir: string,
  cacheDir: string,
  env: Record<string, string> = {},
): Promise<void> {
  await promisify(execFile)(nodeBin, [path.join(repoRoot, 'cli/build.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URI: '',
      MEDIA_DIR: '',
      SITE_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      SITE_URL: 'https://example.org',
      CI: '1',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  })
}
