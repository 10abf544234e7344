/**
 * The client (libsql's interface, over node:sqlite: nodeSqliteConnection.ts) Payload's SQLite
 * adapter talks to, made safe for many requests at once.
 *
 * libsql's own `file:` client, which the adapter opens by itself, is synchronous underneath and
 * hands each transaction the connection it was using, opening a fresh one (without the busy
 * timeout the adapter set on the first) for everything after. With several requests saving at
 * once, their transactions fought for SQLite's single write lock on separate connections, and a
 * BEGIN that lost failed at once. Worse, a statement that failed with SQLITE_BUSY stays "in
 * progress" on its connection (tursodatabase/libsql-client-ts#352), so that connection's next
 * COMMIT fails — which Payload then reported as a successful save (see
 * patches/@payloadcms+drizzle*). That is how acknowledged saves were lost.
 *
 * Here every process has exactly two connections, each with the busy timeout set:
 * - the writer, used by one transaction (or one lone write) at a time, in the order they asked, and
 * - the reader, for plain reads, which under WAL neither waits for the writer nor blocks it.
 * Waiting for the writer is an async queue, so the event loop keeps serving while a save waits its
 * turn; other processes (the site builder, a seed) are waited for by SQLite's busy handler. A
 * connection that reported SQLITE_BUSY, or could not roll back, is replaced before it is used again.
 */
import type {
  Client,
  Config,
  InStatement,
  ResultSet,
  Transaction,
  TransactionMode,
} from '@libsql/client'

import { DatabaseBusyError, isDatabaseBusy } from './databaseBusy.ts'
import { openSqliteConnection, type SqliteConnection } from './nodeSqliteConnection.ts'

export type SerialisedClientOptions = {
  /** How long SQLite waits for another process's write lock before giving up (busy_timeout). */
  busyTimeoutMs: number
  /** How long a save waits for its turn behind this process's other saves before giving up. */
  queueTimeoutMs: number
}

/** Statements that only read may use the reader connection; anything else takes the writer. */
const isRead = (statement: InStatement | string) => {
  const sql = typeof statement === 'string' ? statement : statement.sql
  if (/^\s*(select|explain)\b/i.test(sql)) return true
  return /^\s*with\b/i.test(sql) && !/\b(insert|update|delete|replace)\b/i.test(sql)
}

/** A first-come, first-served lock whose waiters give up after a time limit. */
function createQueue(timeoutMs: number) {
  let tail: Promise<void> = Promise.resolve()
  return async function turn(): Promise<() => void> {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const before = tail
    tail = before.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    const served = await Promise.race([
      before.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ])
    clearTimeout(timer)
    if (!served) {
      // Our place must still be passed on when it comes, or everyone behind us would wait forever.
      void before.then(release)
      throw new DatabaseBusyError(`waited ${timeoutMs} ms behind this process's other saves`)
    }
    let released = false
    return () => {
      if (!released) {
        released = true
        release()
      }
    }
  }
}

/** One connection, set up for this process's use and replaced when it becomes unusable. */
function connection(config: Config, busyTimeoutMs: number, role: 'writer' | 'reader') {
  let client: SqliteConnection
  let ready: Promise<void>
  /** Counts replacements, so a transaction knows its connection is gone rather than reusing another. */
  let generation = 0
  const open = () => {
    generation += 1
    client = openSqliteConnection(config.url)
    ready = (async () => {
      await client.execute(`PRAGMA busy_timeout = ${Math.round(busyTimeoutMs)}`)
      if (role === 'reader') return
      // Write-ahead logging, kept in the file once set: readers in other processes (the site
      // builder) then neither block a save nor are blocked by one. FULL: a commit is on disk
      // before the save is acknowledged.
      const { rows } = await client.execute('PRAGMA journal_mode = WAL')
      const mode = String(rows[0]?.journal_mode).toLowerCase()
      if (mode !== 'wal') throw new Error(`SQLite could not switch ${config.url} to WAL (${mode})`)
      await client.execute('PRAGMA synchronous = FULL')
    })()
  }
  const replace = () => {
    try {
      client.close()
    } catch {
      // The broken connection may already be closed; a new one is opened either way.
    }
    open()
  }
  open()
  return {
    /** Runs `work` on the connection; one that failed with SQLITE_BUSY is replaced for next time. */
    async use<T>(work: (client: SqliteConnection) => Promise<T>): Promise<T> {
      await ready
      try {
        return await work(client)
      } catch (error) {
        if (isDatabaseBusy(error)) replace()
        throw error
      }
    },
    replace,
    get generation() {
      return generation
    },
    close: () => client.close(),
    get closed() {
      return client.closed
    },
  }
}

export function createSerialisedSqliteClient(
  config: Config,
  options: SerialisedClientOptions,
): Client {
  const writer = connection(config, options.busyTimeoutMs, 'writer')
  const reader = connection(config, options.busyTimeoutMs, 'reader')
  const turn = createQueue(options.queueTimeoutMs)

  const withWriter = async <T>(work: (client: SqliteConnection) => Promise<T>): Promise<T> => {
    const release = await turn()
    try {
      return await writer.use(work)
    } finally {
      release()
    }
  }

  async function transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const release = await turn()
    const begun = writer.generation
    const run = (statement: InStatement | string) => {
      // Closing a connection rolls its transaction back: nothing more may go to its replacement,
      // where it would be stored outside the transaction.
      if (writer.generation !== begun) throw new Error('The transaction was rolled back')
      return writer.use((client) => client.execute(statement as InStatement))
    }
    try {
      await run(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED')
    } catch (error) {
      release()
      throw error
    }
    let active = true
    const finish = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!active) return
      active = false
      try {
        await run(sql)
      } catch (error) {
        // A failed COMMIT leaves the transaction open (SQLITE_BUSY) or already rolled back (disk
        // full); either way nothing of it is stored. Roll back what is left and report the error.
        if (writer.generation === begun) await run('ROLLBACK').catch(() => writer.replace())
        throw error
      } finally {
        release()
      }
    }
    const inTransaction = <T>(work: () => Promise<T>) => {
      if (!active) throw new Error('The transaction is closed')
      return work()
    }
    return {
      execute: (statement: InStatement) => inTransaction(() => run(statement)),
      batch: (statements: InStatement[]) =>
        inTransaction(async () => {
          const results: ResultSet[] = []
          for (const statement of statements) results.push(await run(statement))
          return results
        }),
      executeMultiple: (sql: string) =>
        inTransaction(async () => {
          if (writer.generation !== begun) throw new Error('The transaction was rolled back')
          return writer.use((client) => client.executeMultiple(sql))
        }),
      commit: () => finish('COMMIT'),
      rollback: () => finish('ROLLBACK'),
      close: () => void finish('ROLLBACK').catch(() => undefined),
      get closed() {
        return !active
      },
    }
  }

  return {
    execute: (statement: InStatement | string) =>
      isRead(statement)
        ? reader.use((client) => client.execute(statement as InStatement))
        : withWriter((client) => client.execute(statement as InStatement)),
    batch: (statements: InStatement[], mode?: TransactionMode) =>
      withWriter((client) => client.batch(statements, mode)),
    migrate: (statements: InStatement[]) => withWriter((client) => client.migrate(statements)),
    executeMultiple: (sql: string) => withWriter((client) => client.executeMultiple(sql)),
    transaction,
    sync: () => withWriter((client) => client.sync()),
    close: () => {
      writer.close()
      reader.close()
    },
    get closed() {
      return writer.closed
    },
    protocol: 'file',
  } as Client
}
