import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openSqliteConnection } from '../../cms/database/nodeSqliteConnection.ts'

import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { contentRoot, nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * A seed killed with SIGKILL half-way leaves the database exactly as it was: the seed writes in one
 * transaction, and SQLite discards a transaction whose process died before COMMIT. The database is
 * compared row by row, every table (versions and relation tables included), read from the file
 * itself. The same seed, left to finish, then does change it — so the kill did stop real writes.
 */
const work = mkdtempSync(path.join(tmpdir(), 'killed-seed-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The corpus with every title of four collections changed, so a seed updates ~270 documents. */
function changedCorpus() {
  const dir = path.join(work, 'content')
  cpSync(contentRoot, dir, { recursive: true })
  for (const folder of ['brand-projects', 'case-studies', 'notices', 'disclosures'])
    for (const name of readdirSync(path.join(dir, folder)).filter((n) => n.endsWith('.md'))) {
      const file = path.join(dir, folder, name)
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: 修订：$1'))
    }
  return dir
}

async function everyRow(dataDir: string) {
  const db = openSqliteConnection(`file:${path.join(dataDir, 'cms.db')}`)
  try {
    const { rows: tables } = await db.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const dump: Record<string, unknown[]> = {}
    for (const { name } of tables)
      dump[String(name)] = (await db.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`)).rows
    const [{ integrity_check }] = (await db.execute('PRAGMA integrity_check')).rows
    return { dump, integrity: integrity_check }
  } finally {
    db.close()
  }
}

function seed(dataDir: string, content: string, killWhen?: RegExp) {
  const child = spawn(nodeBin, [path.join(repoRoot, 'cms/cli/seed.ts'), content], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URI: '', MEDIA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listen = (chunk: Buffer) => {
    output += chunk.toString()
    if (killWhen?.test(output) && child.exitCode === null) child.kill('SIGKILL')
  }
  child.stdout.on('data', listen)
  child.stderr.on('data', listen)
  return new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  )
}

describe('the seed killed with SIGKILL half-way', () => {
  it('leaves the database exactly as before, and a full run afterwards changes it', async () => {
    const dataDir = await copyOfCorpus('killed-seed-db-')
    try {
      const content = changedCorpus()
      const before = await everyRow(dataDir)
      expect(before.integrity).toBe('ok')

      // Killed once the case studies are written, with notices and disclosures still to come.
      const killed = await seed(dataDir, content, /case-studies\s.*updated/)
      expect(killed.signal, killed.output).toBe('SIGKILL')
      expect(killed.output).toMatch(/case-studies\s.*[1-9]\d* updated/)
      expect(killed.output).not.toContain('Done in')
      const after = await everyRow(dataDir)
      expect(after.integrity).toBe('ok')
      expect(after.dump).toEqual(before.dump)

      const finished = await seed(dataDir, content)
      expect(finished.code, finished.output).toBe(0)
      const changed = await everyRow(dataDir)
      expect(changed.integrity).toBe('ok')
      expect(changed.dump).not.toEqual(before.dump)
      expect(JSON.stringify(changed.dump.notices)).toContain('修订：')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 300_000)
})
