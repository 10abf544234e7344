import { execFile } from 'node:child_process'
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
import { promisify } from 'node:util'

import { create, extract } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openSqliteConnection } from '../../cms/database/nodeSqliteConnection.ts'

import { startCms } from '../helpers/cms.ts'
import { startS3Server } from '../helpers/s3Server.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'
import { startStack, type Stack } from '../helpers/stack.ts'

/**
 * `npm run backup` of a running stack (what `npm start` runs, on the corpus, with a staff account
 * made through the admin's first-user form), restored by `npm run restore` into an empty data
 * folder: every document (counted in the SQLite files themselves) and every uploaded file comes
 * back, a second backup has the same manifest, the staff account logs in with its old password,
 * the same archive restored with S3_BUCKET puts the files in the bucket and backs up from it alike,
 * and damaged archives or a non-empty target are refused with nothing changed.
 */
const work = mkdtempSync(path.join(tmpdir(), 'backup-test-'))
const folder = (name: string) => path.join(work, name)
const secret = 'backup-test-secret'.padEnd(40, 'x')
const run = promisify(execFile)

/** Runs a command to its end without blocking this process (the S3 server answers from it). */
async function cli(
  script: 'backup' | 'restore',
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
) {
  try {
    const { stdout } = await run(nodeBin, [path.join(repoRoot, `cms/cli/${script}.ts`), ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URI: '',
        MEDIA_DIR: '',
        PAYLOAD_SECRET: secret,
        ...env,
      },
      encoding: 'utf8',
    })
    return { code: 0, out: stdout }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: `${e.stdout}${e.stderr}` }
  }
}

async function manifestIn(archive: string) {
  const dir = mkdtempSync(path.join(work, 'unpacked-'))
  await extract({ file: archive, cwd: dir })
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
}

/** Rows per table, read from the SQLite file itself rather than through the CMS. */
async function rowsIn(dataDir: string, tables: string[]) {
  const db = openSqliteConnection(`file:${path.join(dataDir, 'cms.db')}`)
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
    const backup = await cli('backup', stack.dataDir, [first])
    expect(backup.code, backup.out).toBe(0)
    const manifest = await manifestIn(first)
    const collections = Object.keys(manifest.counts)
    expect(collections).toContain('users')
    expect(manifest.counts).toEqual(await rowsIn(stack.dataDir, collections))
    expect(manifest.counts.users).toBe(1)
    expect(manifest.counts.notices).toBeGreaterThan(0)

    const restore = await cli('restore', restored, [first])
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
    expect((await cli('backup', restored, [again])).code).toBe(0)
    expect(await manifestIn(again)).toEqual(manifest)
  }, 300_000)

  it('restores the files into object storage (S3_BUCKET), and backs them up from there', async () => {
    const s3 = await startS3Server()
    try {
      const manifest = await manifestIn(first)
      const inBucket = folder('restored-into-bucket')
      const restore = await cli('restore', inBucket, [first], s3.env)
      expect(restore.code, restore.out).toBe(0)
      // Every original went to the bucket (under S3_PREFIX), none to the data folder.
      const keys = await s3.keys()
      const originals = Object.keys(manifest.files)
        .filter((file) => file.startsWith('content/media/') && !file.endsWith('.yaml'))
        .map((file) => `${s3.prefix}/${path.basename(file)}`)
      expect(originals.length).toBeGreaterThan(0)
      expect(originals.filter((key) => !keys.includes(key))).toEqual([])
      const media = path.join(inBucket, 'media')
      expect(existsSync(media) ? readdirSync(media) : []).toEqual([])

      // Backed up from the bucket: the same manifest, every file's checksum included.
      const fromBucket = folder('from-bucket.tar.gz')
      const backup = await cli('backup', inBucket, [fromBucket], s3.env)
      expect(backup.code, backup.out).toBe(0)
      expect(await manifestIn(fromBucket)).toEqual(manifest)
    } finally {
      await s3.stop()
    }
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
      const result = await cli('restore', empty, [archive])
      expect(result.code, result.out).toBe(1)
      expect(result.out).toContain(reason)
      expect(existsSync(path.join(empty, 'cms.db'))).toBe(false)
    }
  }, 300_000)

  it('refuses a target that holds content, and replaces it when told to', async () => {
    const counts = (await manifestIn(first)).counts
    const refused = await cli('restore', restored, [first])
    expect(refused.code, refused.out).toBe(1)
    expect(refused.out).toContain('the target is not empty')
    expect(await rowsIn(restored, Object.keys(counts))).toEqual(counts)

    const replaced = await cli('restore', restored, [first, '--replace'])
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
