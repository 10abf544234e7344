import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildOnce } from './buildOnce.ts'
import { nodeBin, repoRoot, templateDir } from './paths.ts'

/**
 * A SQLite database seeded with the real corpus by the real `npm run seed` entry point, built once
 * per test run and copied by every test file that starts from the corpus.
 */
export async function ensureCorpusTemplate(): Promise<string> {
  await buildOnce('corpus', () => {
    rmSync(templateDir, { recursive: true, force: true })
    execFileSync(nodeBin, [path.join(repoRoot, 'cms/cli/seed.ts')], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: templateDir, DATABASE_URI: '', MEDIA_DIR: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  })
  return templateDir
}

/** A fresh copy of the corpus database in a new temporary folder, for one server to own and delete. */
export async function copyOfCorpus(prefix: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix))
  cpSync(await ensureCorpusTemplate(), dataDir, { recursive: true })
  return dataDir
}
