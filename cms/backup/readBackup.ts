/**
 * Unpacks a backup archive into a temporary folder and checks it against its manifest, before a
 * restore opens any database: a truncated, corrupted or foreign file is refused here, with the
 * reason, and nothing has been changed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { extract } from 'tar'

import { MANIFEST_FILE, problemsWith, type Manifest } from './manifest.ts'
import { STAFF_FILE, type StaffAccount } from './staff.ts'

export class BackupRefused extends Error {}

export type UnpackedBackup = {
  dir: string
  manifest: Manifest
  staff: StaffAccount[]
  remove: () => void
}

export async function readBackup(archive: string): Promise<UnpackedBackup> {
  if (!existsSync(archive)) throw new BackupRefused(`${archive}: no such file`)
  const dir = mkdtempSync(path.join(tmpdir(), 'restore-'))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    try {
      // strict: a damaged entry or a truncated stream is an error, not a warning.
      await extract({ file: archive, cwd: dir, strict: true })
    } catch (error) {
      throw new BackupRefused(
        `${archive} is not a complete backup archive (${(error as Error).message})`,
      )
    }
    const read = (name: string) => {
      try {
        return JSON.parse(readFileSync(path.join(dir, name), 'utf8'))
      } catch {
        throw new BackupRefused(`${archive}: ${name} is missing or unreadable`)
      }
    }
    const manifest = read(MANIFEST_FILE) as Manifest
    const problems = problemsWith(dir, manifest)
    if (problems.length > 0)
      throw new BackupRefused(
        `${archive} does not match its manifest:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      )
    return { dir, manifest, staff: read(STAFF_FILE) as StaffAccount[], remove }
  } catch (error) {
    remove()
    throw error
  }
}
