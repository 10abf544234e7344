import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { create, extract } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCms } from '../helpers/cms.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'
import { startStack, type Stack } from '../helpers/stack.ts'

/**
 * `npm run backup` of a running stack (what `npm start` runs, on the corpus, with a staff account
 * made through the admin's first-user form), restored by `npm run restore` into an empty data
 * folder: every document (counted in the SQLite files themselves) and every uploaded file comes
 * back, a second backup has the same manifest, the staff account logs in with its old password,
 * and damaged archives or a non-empty target are refused with nothing changed.
 */
const work = mkdtempSync(path.join(tmpdir(), 'backup-test-'))
const folder = (name: string) => path.join(work, name)
const secret = 'backup-test-secret'.padEnd(40, 'x')

function cli(script: 'backup' | 'restore', dataDir: string, ...args: string[]) {
  try {
    const out = execFileSync(nodeBin, [path.join(repoRoot, `cms/cli/${script}.ts`), ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URI: '',
        MEDIA_DIR: '',
        PAYLOAD_SECRET: secret,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { code: 0, out }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { code: e.status, out: `${e.stdout}${e.stderr}` }
  }
}

async function manifestIn(archive: string) {
  const dir = mkdtempSync(path.join(work, 'unpacked-'))
  await extract({ file: archive, cwd: dir })
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
}

/** Rows per table, read from the SQLite file itself rather than through the CMS. */
async function rowsIn(dataDir: string, tables: string[]) {
  const db = createClient({ url: `file:${path.join(dataDir, 'cms.db')}` })
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const { rows } = await db.execute(`SELECT count(*) AS n FROM "${table.replaceAll('-', '_')}"`)
    counts[table] = Number(rows[0].n)
  }
  db.close()
  return counts
}

const digests = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  )

let stack: Stack
const staff = { email: 'chief@example.test', password: 'a-long-password-42', name: '主任' }

beforeAll(async () => {
  stack = await startStack()
  const response = await fetch(`${stack.adminUrl}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(staff),
  })
  expect(response.status, await response.text()).toBe(200)
}, 600_000)

afterAll(async () => {
  await stack?.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('backup and restore', () => {
  const first = folder('first.tar.gz')
  const restored = folder('restored')

  it('backs up the running stack, and restores every document and file into an empty folder', async () => {
    const backup = cli('backup', stack.dataDir, first)
    expect(backup.code, backup.out).toBe(0)
    const manifest = await manifestIn(first)
    const collections = Object.keys(manifest.counts)
    expect(collections).toContain('users')
    expect(manifest.counts).toEqual(await rowsIn(stack.dataDir, collections))
    expect(manifest.counts.users).toBe(1)
    expect(manifest.counts.notices).toBeGreaterThan(0)

    const restore = cli('restore', restored, first)
    expect(restore.code, restore.out).toBe(0)
    expect(await rowsIn(restored, collections)).toEqual(manifest.counts)
    // Every uploaded file, resized variants included, with the originals byte for byte.
    const before = digests(path.join(stack.dataDir, 'media'))
    const after = digests(path.join(restored, 'media'))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const name of Object.keys(manifest.files).filter((f) => f.startsWith('content/media/')))
      if (!name.endsWith('.yaml'))
        expect(after[path.basename(name)]).toBe(before[path.basename(name)])

    const again = folder('again.tar.gz')
    expect(cli('backup', restored, again).code).toBe(0)
    expect(await manifestIn(again)).toEqual(manifest)
  }, 300_000)

  it('refuses a truncated or corrupted archive, and the target stays empty', async () => {
    const truncated = folder('truncated.tar.gz')
    writeFileSync(truncated, readFileSync(first))
    truncateSync(truncated, Math.floor(statSync(first).size / 2))

    // A notice changed after the manifest was written: a valid archive that does not match it.
    const unpacked = mkdtempSync(path.join(work, 'tampered-'))
    await extract({ file: first, cwd: unpacked })
    const notices = path.join(unpacked, 'content/notices')
    const notice = path.join(notices, readdirSync(notices)[0])
    writeFileSync(notice, readFileSync(notice, 'utf8').replace(/title: .*/, 'title: 改过的标题'))
    const tampered = folder('tampered.tar.gz')
    await create({ gzip: true, file: tampered, cwd: unpacked }, readdirSync(unpacked))

    const garbage = folder('garbage.tar.gz')
    writeFileSync(garbage, 'not an archive at all')

    const empty = folder('empty')
    for (const [archive, reason] of [
      [truncated, 'is not a complete backup archive'],
      [tampered, 'its checksum does not match the manifest'],
      [garbage, 'is not a complete backup archive'],
      [folder('missing.tar.gz'), 'no such file'],
    ]) {
      const result = cli('restore', empty, archive)
      expect(result.code, result.out).toBe(1)
      expect(result.out).toContain(reason)
      expect(existsSync(path.join(empty, 'cms.db'))).toBe(false)
    }
  }, 300_000)

  it('refuses a target that holds content, and replaces it when told to', async () => {
    const counts = (await manifestIn(first)).counts
    const refused = cli('restore', restored, first)
    expect(refused.code, refused.out).toBe(1)
    expect(refused.out).toContain('the target is not empty')
    expect(await rowsIn(restored, Object.keys(counts))).toEqual(counts)

    const replaced = cli('restore', restored, first, '--replace')
    expect(replaced.code, replaced.out).toBe(0)
    expect(await rowsIn(restored, Object.keys(counts))).toEqual(counts)
  }, 300_000)

  it('the staff account logs in on the restored database with its old password', async () => {
    const cms = await startCms({ existingDataDir: restored })
    try {
      const { user } = await cms.payload.login({
        collection: 'users',
        data: { email: staff.email, password: staff.password },
      })
      expect(user).toMatchObject({ email: staff.email, name: staff.name, role: 'admin' })
      await expect(
        cms.payload.login({ collection: 'users', data: { email: staff.email, password: 'wrong' } }),
      ).rejects.toThrow()
    } finally {
      await cms.close()
    }
  }, 120_000)
})
