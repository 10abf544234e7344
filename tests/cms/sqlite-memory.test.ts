import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * A CMS process runs for months: its memory must not grow with the queries it has answered. With
 * libsql's client under the adapter it did, by 30–60 KB a read and about 350 KB a save, which
 * garbage collection never gave back (cms/database/nodeSqliteConnection.ts). Measured in a process
 * of its own, after a warm-up, with garbage collected before and after.
 */
const READS = 3000
const SAVES = 200
/** What the reads and saves above grew a process by with libsql: 240 MB. Now: about 20. */
const LIMIT_MIB = 64

let dataDir: string | undefined
afterAll(() => rmSync(dataDir ?? '', { recursive: true, force: true }))

describe('a CMS process over thousands of queries', () => {
  it(`grows by less than ${LIMIT_MIB} MB over ${READS} reads and ${SAVES} saves`, async () => {
    dataDir = await copyOfCorpus('query-memory-')
    const output = execFileSync(
      nodeBin,
      [
        '--expose-gc',
        path.join(repoRoot, 'tests/helpers/queryMemory.ts'),
        String(READS),
        String(SAVES),
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URI: '',
          MEDIA_DIR: '',
          PAYLOAD_LOG_LEVEL: 'error',
        },
        encoding: 'utf8',
      },
    )
    const { grownMiB } = JSON.parse(output.trim().split('\n').pop()!) as { grownMiB: number }
    expect(grownMiB).toBeLessThan(LIMIT_MIB)
  }, 300_000)
})
