import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { nodeBin, repoRoot, templateDir } from './paths.ts'

const READY = path.join(templateDir, 'ready')
const LOCK = `${templateDir}.lock`

/**
 * A SQLite database seeded with the real corpus by the real `npm run seed` entry point, built once
 * per test run (by whichever test file needs it first) and copied by every file that starts from
 * the corpus. A lock directory keeps parallel test files from building it twice.
 */
export async function ensureCorpusTemplate(): Promise<string> {
  for (;;) {
    if (existsSync(READY)) return templateDir
    try {
      mkdirSync(path.dirname(LOCK), { recursive: true })
      mkdirSync(LOCK)
    } catch {
      await sleep(200)
      continue
    }
    try {
      rmSync(templateDir, { recursive: true, force: true })
      execFileSync(nodeBin, [path.join(repoRoot, 'cms/cli/seed.ts')], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: templateDir, DATABASE_URI: '', MEDIA_DIR: '' },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      writeFileSync(READY, '')
      return templateDir
    } finally {
      rmSync(LOCK, { recursive: true, force: true })
    }
  }
}
