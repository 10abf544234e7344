/**
 * `npm run restore ARCHIVE [--replace]` (see cms/backup/restoreBackup.ts). The archive is checked
 * against its manifest before the CMS (and so the database) is even opened.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { BackupRefused, readBackup } from '../backup/readBackup.ts'

const { values, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
})
if (positionals.length !== 1) {
  console.error('usage: npm run restore ARCHIVE [-- --replace]')
  process.exit(2)
}
const archive = path.resolve(positionals[0])

try {
  const backup = await readBackup(archive)
  try {
    // The content schema before the CMS config: it is read off the collection configs, which
    // Payload's config build then adds fields to.
    const { restoreBackup } = await import('../backup/restoreBackup.ts')
    const { openCms } = await import('../open.ts')
    const payload = await openCms()
    console.log(`Restoring ${path.relative(process.cwd(), archive)} …`)
    const counts = await restoreBackup(payload, backup, {
      replace: values.replace,
      log: (line) => console.log(line),
    })
    console.log(
      `Done: ${Object.entries(counts)
        .map(([collection, n]) => `${collection} ${n}`)
        .join(', ')}.`,
    )
  } finally {
    backup.remove()
  }
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error
  console.error(`Restore refused: ${error.message}`)
  process.exit(1)
}
process.exit(0)
