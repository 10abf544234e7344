/**
 * `npm run check:site`: Astro's type check of the page templates (.astro), which tsc cannot read.
 * It first generates the content collections' types (.astro/, which tsc needs too), and generating
 * them runs the content loaders: here they read an empty throwaway database, never the real one,
 * and keep their cache apart from the builds'.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const work = mkdtempSync(path.join(tmpdir(), 'check-site-'))
try {
  const { status } = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'check', '--tsconfig', 'tsconfig.astro.json'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        DATA_DIR: work,
        DATABASE_URI: '',
        MEDIA_DIR: '',
        PAYLOAD_SECRET: 'check-site',
        PAYLOAD_LOG_LEVEL: 'warn',
        ASTRO_CACHE_DIR: path.join(work, 'astro'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  )
  process.exitCode = status ?? 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
