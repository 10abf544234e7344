/**
 * Another process holding the SQLite file, as a report, a backup tool or a stuck script would:
 * `read` keeps read transactions open for long stretches (under WAL this must not matter to
 * saves); `write` takes the write lock once and keeps it (saves must then be refused clearly).
 * Prints `holding` each time it holds the database.
 *
 * Usage: node tests/helpers/holdDatabase.ts <database file> <read|write> <hold ms>
 */
import { setTimeout as sleep } from 'node:timers/promises'

import { createClient } from '@libsql/client'

const [file, mode, holdMs = '8000'] = process.argv.slice(2)
const client = createClient({ url: `file:${file}` })
let stopping = false
process.on('SIGTERM', () => (stopping = true))

do {
  const tx = await client.transaction(mode === 'write' ? 'write' : 'deferred')
  await tx.execute('SELECT count(*) AS n FROM notices')
  process.stdout.write('holding\n')
  await sleep(Number(holdMs))
  await tx.commit()
  await sleep(200)
} while (!stopping && mode === 'read')
client.close()
