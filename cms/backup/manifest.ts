/**
 * The manifest of a backup archive: how many documents of each collection it holds and the SHA-256
 * of every file in it. It carries no date or host, so backing up a restored database gives the very
 * same manifest — that is how a round trip is checked — and it is what a restore checks the
 * unpacked archive against before it touches anything.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const MANIFEST_FILE = 'manifest.json'
export const FORMAT = 'jumin-zizhi-backup/1'

export type Manifest = {
  format: typeof FORMAT
  counts: Record<string, number>
  files: Record<string, string>
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** Every file under `dir` but the manifest, as POSIX paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((name) => name !== MANIFEST_FILE)
    .sort()
}

export function manifestOf(dir: string, counts: Record<string, number>): Manifest {
  const files = Object.fromEntries(
    filesUnder(dir).map((name) => [name, sha256(path.join(dir, name))]),
  )
  return { format: FORMAT, counts, files }
}

/** What is wrong with an unpacked archive, compared with its own manifest (nothing: []). */
export function problemsWith(dir: string, manifest: Manifest): string[] {
  if (manifest?.format !== FORMAT || typeof manifest.files !== 'object' || !manifest.counts)
    return [`${MANIFEST_FILE} is not a ${FORMAT} manifest`]
  const problems: string[] = []
  const present = new Set(filesUnder(dir))
  for (const [name, digest] of Object.entries(manifest.files)) {
    if (!present.has(name)) problems.push(`${name}: listed in the manifest but missing`)
    else if (sha256(path.join(dir, name)) !== digest)
      problems.push(`${name}: its checksum does not match the manifest`)
  }
  for (const name of present)
    if (!(name in manifest.files)) problems.push(`${name}: in the archive but not in the manifest`)
  return problems
}
