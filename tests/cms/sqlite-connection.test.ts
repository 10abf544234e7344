import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient, type InStatement } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isDatabaseBusy } from '../../cms/database/databaseBusy.ts'
import {
  openSqliteConnection,
  type SqliteConnection,
} from '../../cms/database/nodeSqliteConnection.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * The SQLite connection under Payload's adapter (cms/database/nodeSqliteConnection.ts) must answer
 * as libsql's own client did, which the adapter and drizzle were written against: the same rows,
 * the same result counts, the same error codes (Payload turns SQLITE_CONSTRAINT_UNIQUE into "must
 * be unique", the site SQLITE_BUSY into 503). Each is checked against libsql's client on the same
 * file.
 */
let dir: string
let url: string
let ours: SqliteConnection
const theirs = () => createClient({ url })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sqlite-connection-'))
  url = `file:${path.join(dir, 'test.db')}`
  ours = openSqliteConnection(url)
  await ours.executeMultiple(`
    CREATE TABLE notices (id INTEGER PRIMARY KEY);
    CREATE TABLE items (id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, title TEXT, size REAL, data BLOB);
    INSERT INTO items (slug, title, size) VALUES ('a', '通知', 1.5), ('b', NULL, 2);
  `)
})
afterAll(() => {
  ours?.close()
  rmSync(dir, { recursive: true, force: true })
})

const plain = (rows: unknown[]) =>
  rows.map((row) => ({ ...(row as object), byIndex: Array.from(row as ArrayLike<unknown>) }))

describe('the SQLite connection under the CMS', () => {
  it('returns rows, columns and counts as libsql does', async () => {
    const libsql = theirs()
    try {
      const statements: InStatement[] = [
        'SELECT id, slug, title, size FROM items ORDER BY id',
        { sql: 'SELECT slug AS s, slug FROM items WHERE size > ?', args: [1] },
        { sql: 'SELECT title FROM items WHERE slug = :slug', args: { ':slug': 'a' } },
        { sql: 'SELECT count(*) AS n FROM items WHERE slug = @slug', args: { slug: 'b' } },
      ]
      for (const statement of statements) {
        const [a, b] = [await ours.execute(statement), await libsql.execute(statement)]
        expect(a.columns).toEqual(b.columns)
        expect(a.columnTypes).toEqual(b.columnTypes)
        expect(plain(a.rows)).toEqual(plain(b.rows))
        expect(a.rowsAffected).toBe(b.rowsAffected)
      }
      const inserted = await ours.execute({
        sql: 'INSERT INTO items (slug, title, size) VALUES (?, ?, ?)',
        args: ['c', '公开', true],
      })
      expect(inserted.rowsAffected).toBe(1)
      expect(inserted.lastInsertRowid).toBe(3n)
      const updated = await ours.execute({ sql: 'UPDATE items SET size = size + 1', args: [] })
      expect(updated.rowsAffected).toBe(3)
      const returning = await ours.execute({
        sql: "INSERT INTO items (slug) VALUES ('d') RETURNING id, slug",
        args: [],
      })
      expect(plain(returning.rows)).toEqual([{ id: 4, slug: 'd', byIndex: [4, 'd'] }])
    } finally {
      libsql.close()
    }
  })

  it('stores and returns binary data', async () => {
    const bytes = new Uint8Array([0, 1, 254, 255])
    await ours.execute({ sql: "UPDATE items SET data = ? WHERE slug = 'a'", args: [bytes.buffer] })
    const { rows } = await ours.execute("SELECT data FROM items WHERE slug = 'a'")
    expect(new Uint8Array(rows[0]!.data as ArrayBuffer)).toEqual(bytes)
  })

  it('names constraint errors as libsql does, so Payload still says "must be unique"', async () => {
    const duplicate = { sql: 'INSERT INTO items (slug) VALUES (?)', args: ['a'] }
    const libsql = theirs()
    try {
      const [a, b] = await Promise.all([
        ours.execute(duplicate).catch((error: unknown) => error),
        libsql.execute(duplicate).catch((error: unknown) => error),
      ])
      for (const error of [a, b])
        expect(error).toMatchObject({
          code: 'SQLITE_CONSTRAINT_UNIQUE',
          rawCode: 2067,
          message: expect.stringContaining('UNIQUE constraint failed: items.slug'),
        })
    } finally {
      libsql.close()
    }
  })

  it("reports another process's write lock as SQLITE_BUSY", async () => {
    // Another process, as locks between two SQLite libraries in one process do not hold.
    const holder = spawn(nodeBin, [
      path.join(repoRoot, 'tests/helpers/holdDatabase.ts'),
      path.join(dir, 'test.db'),
      'write',
      '3000',
    ])
    const released = new Promise((resolve) => holder.once('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.includes('holding') && resolve())
      holder.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)))
    })
    await ours.execute('PRAGMA busy_timeout = 0')
    const error = await ours
      .execute("UPDATE items SET title = 'mine' WHERE slug = 'b'")
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'SQLITE_BUSY', rawCode: 5 })
    expect(isDatabaseBusy(error)).toBe(true)
    await released
    await ours.execute('PRAGMA busy_timeout = 10000')
    expect(
      (await ours.execute("UPDATE items SET title = 'mine' WHERE slug = 'b'")).rowsAffected,
    ).toBe(1)
  })

  it('runs a batch whole or not at all', async () => {
    const before = (await ours.execute('SELECT count(*) AS n FROM items')).rows[0]!.n
    const failed = await ours
      .batch(
        [
          { sql: 'INSERT INTO items (slug) VALUES (?)', args: ['e'] },
          { sql: 'INSERT INTO items (slug) VALUES (?)', args: ['a'] },
        ],
        'write',
      )
      .catch((error: unknown) => error)
    expect(failed).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect((await ours.execute('SELECT count(*) AS n FROM items')).rows[0]!.n).toBe(before)
    const done = await ours.batch(
      [
        { sql: 'INSERT INTO items (slug) VALUES (?)', args: ['e'] },
        { sql: 'SELECT slug FROM items WHERE slug = ?', args: ['e'] },
      ],
      'write',
    )
    expect(done[1]!.rows[0]!.slug).toBe('e')
  })

  it('refuses what SQLite cannot store, and work after closing', async () => {
    await expect(ours.execute({ sql: 'SELECT ?', args: [undefined as never] })).rejects.toThrow(
      /undefined/,
    )
    await expect(ours.execute({ sql: 'SELECT ?', args: [Number.NaN] })).rejects.toThrow(/finite/)
    const other = openSqliteConnection(url)
    other.close()
    await expect(other.execute('SELECT 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' })
  })
})
