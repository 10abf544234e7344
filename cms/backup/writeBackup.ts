/**
 * `npm run backup`: one .tar.gz holding the database in the content/ format (what `npm run export`
 * writes, uploaded files included), the staff accounts (staff.ts) and a manifest (manifest.ts).
 * The format is the same for SQLite and MongoDB, so an archive moves between them.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { create } from 'tar'

import { exportContent } from '../seed/exportContent.ts'
import { MANIFEST_FILE, manifestOf, type Manifest } from './manifest.ts'
import { readStaff, STAFF_FILE } from './staff.ts'

export const CONTENT_DIR = 'content'

export async function writeBackup(
  payload: Payload,
  archive: string,
  log: (line: string) => void = () => {},
): Promise<Manifest> {
  const work = mkdtempSync(path.join(tmpdir(), 'backup-'))
  try {
    const exported = await exportContent(payload, path.join(work, CONTENT_DIR), log)
    const staff = await readStaff(payload)
    writeFileSync(path.join(work, STAFF_FILE), `${JSON.stringify(staff, null, 2)}\n`)
    const counts: Record<string, number> = { users: staff.length }
    for (const [collection, count] of Object.entries(exported))
      counts[collection] = count.written + count.unchanged
    const manifest = manifestOf(work, counts)
    writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
    // Written beside the target and renamed, so a backup stopped half-way leaves no archive.
    mkdirSync(path.dirname(archive), { recursive: true })
    const partial = `${archive}.partial`
    await create({ gzip: true, portable: true, file: partial, cwd: work }, [
      MANIFEST_FILE,
      STAFF_FILE,
      CONTENT_DIR,
    ])
    renameSync(partial, archive)
    return manifest
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
