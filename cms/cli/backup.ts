/**
 * `npm run backup [archive]` (see cms/backup/writeBackup.ts). On SQLite the live database is first
 * copied with `VACUUM INTO`, which reads one consistent snapshot while the CMS keeps serving and
 * saving, and the export reads that copy, so an editor's save half-way through cannot split the
 * archive. MongoDB is read in place (README says how to take a point-in-time dump there).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { defaultSqliteUrl, isMongoUri } from '../database/adapter.ts'
import { openSqliteConnection } from '../database/nodeSqliteConnection.ts'

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
const archive = path.resolve(process.argv[2] ?? path.join('backups', `backup-${stamp}.tar.gz`))

let snapshotDir: string | undefined
if (!isMongoUri(process.env.DATABASE_URI)) {
  snapshotDir = mkdtempSync(path.join(tmpdir(), 'backup-db-'))
  const snapshot = path.join(snapshotDir, 'cms.db')
  const live = openSqliteConnection(process.env.DATABASE_URI || defaultSqliteUrl())
  await live.execute('PRAGMA busy_timeout = 10000')
  await live.execute({ sql: 'VACUUM INTO ?', args: [snapshot] })
  live.close()
  process.env.DATABASE_URI = `file:${snapshot}`
}

try {
  // Imported only now: the CMS config reads DATABASE_URI when it loads. The content schema first:
  // it is read off the collection configs, which Payload's config build then adds fields to.
  const { writeBackup } = await import('../backup/writeBackup.ts')
  const { openCms } = await import('../open.ts')
  const payload = await openCms()
  console.log(`Backing up to ${path.relative(process.cwd(), archive)} …`)
  const manifest = await writeBackup(payload, archive, (line) => console.log(line))
  const total = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0)
  console.log(
    `Done: ${total} documents (${Object.entries(manifest.counts)
      .map(([collection, n]) => `${collection} ${n}`)
      .join(', ')}), ${Object.keys(manifest.files).length} files.`,
  )
} finally {
  if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true })
}
process.exit(0)
