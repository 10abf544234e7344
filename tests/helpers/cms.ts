import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { ensureCorpusTemplate } from './corpusTemplate.ts'

export type TestCms = { payload: Payload; dataDir: string; close: () => Promise<void> }

function mongoUriFor(name: string): string {
  const url = new URL(process.env.MONGODB_URI!)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * A real CMS on a fresh database of its own: SQLite in a temp dir (or a fresh MongoDB database when
 * the suite runs against MongoDB). `seeded` starts from the real corpus.
 * `existingDataDir` opens a database another step prepared (and leaves it in place).
 * Call once per test file: Payload keeps one instance per process.
 */
export async function startCms({
  seeded = false,
  existingDataDir,
}: { seeded?: boolean; existingDataDir?: string } = {}): Promise<TestCms> {
  const dataDir = existingDataDir ?? mkdtempSync(path.join(tmpdir(), 'cms-test-'))
  process.env.DATA_DIR = dataDir
  process.env.MEDIA_DIR = path.join(dataDir, 'media')
  process.env.PAYLOAD_SECRET = randomBytes(16).toString('hex')
  const mongo = process.env.TEST_DATABASE === 'mongodb'
  const dbName = `test_${randomBytes(6).toString('hex')}`
  if (mongo) {
    process.env.DATABASE_URI = mongoUriFor(dbName)
  } else {
    process.env.DATABASE_URI = `file:${path.join(dataDir, 'cms.db')}`
    if (seeded && !existingDataDir)
      cpSync(await ensureCorpusTemplate(), dataDir, { recursive: true })
  }

  const { openCms } = await import('../../cms/open.ts')
  const payload = await openCms()
  if (mongo && seeded) {
    const { seedContent } = await import('../../cms/seed/seedContent.ts')
    const result = await seedContent(payload, path.resolve('content'))
    if (!result.ok) throw new Error('seeding the corpus failed')
  }
  return {
    payload,
    dataDir,
    close: async () => {
      if (mongo) await payload.db.connection?.dropDatabase?.()
      await payload.destroy()
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
