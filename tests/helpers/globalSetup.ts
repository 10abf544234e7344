import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { nodeBin, repoRoot, templateDir } from './paths.ts'

/**
 * Seeds the real corpus once, with the real `npm run seed` entry point, into a template SQLite
 * database that test files copy, so each file starts from the corpus without paying for a seed.
 */
export default function setup() {
  if (process.env.TEST_DATABASE === 'mongodb') return
  rmSync(templateDir, { recursive: true, force: true })
  execFileSync(nodeBin, [path.join(repoRoot, 'cms/cli/seed.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: templateDir, DATABASE_URI: '', MEDIA_DIR: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
