import { execFileSync } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openSqliteConnection } from '../../cms/database/nodeSqliteConnection.ts'

import { isStorageFailure } from '../../cms/database/databaseBusy.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * A CMS whose disk fills up while it saves (a real file-size limit on the process, so SQLite's own
 * writes fail as on a full disk). The COMMIT is where such a save fails; Payload used to report
 * that failure as success. Every save reported as saved must be in the database; every other one
 * must have failed with a storage error and left nothing behind.
 */
let dataDir: string
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const size = (file: string) => {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

describe('the disk fills up while staff save', () => {
  it('reports every save it could not store as failed, and stores every save it reports', async () => {
    dataDir = await copyOfCorpus('storage-full-')
    const db = path.join(dataDir, 'cms.db')
    const limit = Math.max(size(db), size(`${db}-wal`)) + 1_500_000
    const output = execFileSync(
      'prlimit',
      [`--fsize=${limit}`, nodeBin, path.join(repoRoot, 'tests/helpers/saveUntilFull.ts')],
      {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URI: '', MEDIA_DIR: '' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    )
    // One line per save (Payload's own log lines go to the same output).
    const saves = output
      .split('\n')
      .filter((line) => line.startsWith('{"slug"'))
      .map((line) => JSON.parse(line) as { slug: string; saved: boolean; message?: string })
    const saved = saves.filter((s) => s.saved)
    const failed = saves.filter((s) => !s.saved)
    // The limit was reached, after some saves had gone through.
    expect(saved.length).toBeGreaterThan(0)
    expect(failed.length).toBeGreaterThan(0)
    for (const failure of failed) expect(isStorageFailure(failure), failure.message).toBe(true)

    // Read back without the limit, in this process: what the CMS reported is what is stored.
    const client = openSqliteConnection(`file:${db}`)
    const { rows } = await client.execute("SELECT slug FROM notices WHERE slug LIKE 'cipan-man-%'")
    const { rows: check } = await client.execute('PRAGMA integrity_check')
    client.close()
    const stored = new Set(rows.map((row) => String(row.slug)))
    expect(
      saved.filter((s) => !stored.has(s.slug)).map((s) => s.slug),
      'reported saved, lost',
    ).toEqual([])
    expect(
      failed.filter((s) => stored.has(s.slug)).map((s) => s.slug),
      'reported failed, stored',
    ).toEqual([])
    expect(check[0]?.integrity_check).toBe('ok')
  })
})
