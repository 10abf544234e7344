import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readBackup } from '../../cms/backup/readBackup.ts'
import { restoreBackup } from '../../cms/backup/restoreBackup.ts'
import { writeBackup } from '../../cms/backup/writeBackup.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'

/**
 * Backup and restore through the CMS itself, on the database this suite runs against (SQLite, and
 * MongoDB too when MONGODB_URI is set): the corpus backed up, restored over itself with `replace`,
 * backed up again. The command-line round trip into an empty folder, damaged archives and object
 * storage are in tests/cli/backup.test.ts.
 */
let cms: TestCms
beforeAll(async () => {
  cms = await startCms({ seeded: true })
}, 600_000)
afterAll(() => cms?.close())

describe('backup round trip on this database', () => {
  it('restores a backup over the database it came from, and the next backup is the same', async () => {
    const first = await writeBackup(cms.payload, path.join(cms.dataDir, 'first.tar.gz'))
    expect(first.counts.notices).toBeGreaterThan(0)
    expect(first.counts.media).toBeGreaterThan(0)

    const backup = await readBackup(path.join(cms.dataDir, 'first.tar.gz'))
    try {
      expect(await restoreBackup(cms.payload, backup, { replace: true })).toEqual(first.counts)
    } finally {
      backup.remove()
    }
    expect(await writeBackup(cms.payload, path.join(cms.dataDir, 'again.tar.gz'))).toEqual(first)
  }, 600_000)
})
