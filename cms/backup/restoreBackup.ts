/**
 * `npm run restore`: loads a checked archive (readBackup.ts) into an empty database through the
 * seeder, which validates every file before writing and writes in one transaction, then the staff
 * accounts. A database or media folder that already holds anything is refused unless `replace` is
 * given; then the archive's content is validated first, and only then is the old content dropped.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { createLocalReq, type CollectionSlug, type Payload } from 'payload'

import { loadContent } from '../seed/loadContent.ts'
import { MarkdownCodec } from '../seed/markdown.ts'
import { formatProblem, SEEDING_CONTEXT, seedContent } from '../seed/seedContent.ts'
import { SPECS } from '../seed/specs.ts'
import { BackupRefused, type UnpackedBackup } from './readBackup.ts'
import { writeStaff } from './staff.ts'
import { CONTENT_DIR } from './writeBackup.ts'

const COLLECTIONS = [...SPECS.map((spec) => spec.collection), 'users'] as CollectionSlug[]

const mediaDirOf = (payload: Payload) => String(payload.collections.media.config.upload.staticDir)

/** What the target already holds: "notices: 3", "media files: 12", … (empty: []). */
async function contentPresent(payload: Payload): Promise<string[]> {
  const held: string[] = []
  for (const collection of COLLECTIONS) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) held.push(`${collection}: ${totalDocs}`)
  }
  const mediaDir = mediaDirOf(payload)
  const files = existsSync(mediaDir) ? readdirSync(mediaDir).length : 0
  if (files > 0) held.push(`media files in ${mediaDir}: ${files}`)
  return held
}

async function dropContent(payload: Payload) {
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req = { transactionID }
  try {
    // Referencing collections first; the adapter's deletes skip hooks (no rebuilds, no file moves).
    for (const collection of [...COLLECTIONS].reverse()) {
      await payload.db.deleteMany({ collection, where: {}, req })
      if (payload.collections[collection].config.versions)
        await payload.db.deleteVersions({ collection, where: {}, req })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
  const mediaDir = mediaDirOf(payload)
  if (existsSync(mediaDir))
    for (const name of readdirSync(mediaDir))
      rmSync(path.join(mediaDir, name), { recursive: true, force: true })
}

export async function restoreBackup(
  payload: Payload,
  backup: UnpackedBackup,
  { replace = false, log = () => {} }: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<Record<string, number>> {
  const content = path.join(backup.dir, CONTENT_DIR)
  const held = await contentPresent(payload)
  if (held.length > 0 && !replace)
    throw new BackupRefused(
      `the target is not empty (${held.join(', ')}); nothing was changed. ` +
        'Restore into an empty data directory, or pass --replace to replace what it holds.',
    )
  if (held.length > 0) {
    const markdown = await MarkdownCodec.create(payload.config)
    const req = await createLocalReq({ context: SEEDING_CONTEXT }, payload)
    const { problems } = await loadContent(content, markdown, req)
    if (problems.length > 0)
      throw new BackupRefused(
        `the archive's content is not valid; nothing was changed:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      )
    log(`Replacing ${held.join(', ')} …`)
    await dropContent(payload)
  }
  const seeded = await seedContent(payload, content, log)
  if (!seeded.ok)
    throw new BackupRefused(
      `the archive's content was refused:\n${seeded.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    )
  await writeStaff(payload, backup.staff)
  const counts: Record<string, number> = {}
  for (const collection of COLLECTIONS)
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  for (const [collection, expected] of Object.entries(backup.manifest.counts))
    if (counts[collection] !== expected)
      throw new Error(`restored ${counts[collection]} ${collection}, the archive holds ${expected}`)
  return counts
}
