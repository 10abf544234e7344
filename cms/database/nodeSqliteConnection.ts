/**
 * One SQLite connection through Node's own `node:sqlite`, answering as libsql's `file:` client does
 * (the part of its Client the SQLite adapter and serialisedSqliteClient.ts use: execute, batch,
 * migrate, executeMultiple, close), so Payload's adapter and drizzle see no difference.
 *
 * Why not libsql's own: its native statements are never freed. Each query left 1–4 KB behind
 * (measured: 30,000 more prepared selects grew a process by 126 MB, garbage-collected or not), so
 * a CMS process grew by about 60 KB per list read and 350 KB per save, for as long as it ran, and
 * the benchmark's generator reached 19 GB at 100,000 items. node:sqlite frees them (150,000 more
 * of the same selects: 3 MB), is the same SQLite file format, and comes with the pinned Node.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { fileURLToPath } from 'node:url'

import {
  LibsqlError,
  type InArgs,
  type InStatement,
  type ResultSet,
  type Row,
  type TransactionMode,
  type Value,
} from '@libsql/client'

/** SQLite's result codes by number (primary, and the extended ones the site tells apart). */
const PRIMARY_CODES = [
  'OK',
  'ERROR',
  'INTERNAL',
  'PERM',
  'ABORT',
  'BUSY',
  'LOCKED',
  'NOMEM',
  'READONLY',
  'INTERRUPT',
  'IOERR',
  'CORRUPT',
  'NOTFOUND',
  'FULL',
  'CANTOPEN',
  'PROTOCOL',
  'EMPTY',
  'SCHEMA',
  'TOOBIG',
  'CONSTRAINT',
  'MISMATCH',
  'MISUSE',
  'NOLFS',
  'AUTH',
  'FORMAT',
  'RANGE',
  'NOTADB',
]
const EXTENDED_CODES: Record<number, string> = {
  261: 'BUSY_RECOVERY',
  517: 'BUSY_SNAPSHOT',
  773: 'BUSY_TIMEOUT',
  262: 'LOCKED_SHAREDCACHE',
  275: 'CONSTRAINT_CHECK',
  531: 'CONSTRAINT_COMMITHOOK',
  787: 'CONSTRAINT_FOREIGNKEY',
  1043: 'CONSTRAINT_FUNCTION',
  1299: 'CONSTRAINT_NOTNULL',
  1555: 'CONSTRAINT_PRIMARYKEY',
  1811: 'CONSTRAINT_TRIGGER',
  2067: 'CONSTRAINT_UNIQUE',
  2323: 'CONSTRAINT_VTAB',
  2579: 'CONSTRAINT_ROWID',
  3091: 'CONSTRAINT_DATATYPE',
}

/** `SQLITE_CONSTRAINT_UNIQUE` for 2067, as libsql names its errors (Payload matches on it). */
const codeName = (code: number) =>
  `SQLITE_${EXTENDED_CODES[code] ?? PRIMARY_CODES[code & 0xff] ?? 'ERROR'}`

/** node:sqlite's errors as libsql's: the same `code` names and message. */
function asLibsqlError(error: unknown): unknown {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown }
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return error
  return new LibsqlError((error as Error).message, codeName(errcode), errcode, error as Error)
}

/** An argument as SQLite takes it, converted as libsql converts it. */
function toSql(value: unknown): SQLInputValue {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (value instanceof Date) return value.valueOf()
  if (value === undefined)
    throw new TypeError('undefined cannot be passed as argument to the database')
  return value as SQLInputValue
}

type Bindings = SQLInputValue[] | Record<string, SQLInputValue>

function bindings(args: InArgs | undefined): Bindings {
  if (args === undefined) return []
  if (Array.isArray(args)) return args.map(toSql)
  // Named: libsql takes `:name`, `@name` and `$name` keys; node:sqlite binds bare names to any.
  const named: Record<string, SQLInputValue> = {}
  for (const [name, value] of Object.entries(args)) named[name.replace(/^[:@$]/, '')] = toSql(value)
  return named
}

const fromSql = (value: unknown): Value =>
  value instanceof Uint8Array
    ? (value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer)
    : (value as Value)

/** A row as libsql gives it: values by index (not enumerable) and by column name. */
function toRow(values: unknown[], columns: string[]): Row {
  const row = {} as Row
  Object.defineProperty(row, 'length', { value: values.length })
  values.forEach((raw, i) => {
    const value = fromSql(raw)
    Object.defineProperty(row, i, { value })
    if (!Object.hasOwn(row, columns[i]!))
      Object.defineProperty(row, columns[i]!, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
  })
  return row
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((row) => Array.from(row as unknown as ArrayLike<unknown>)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid),
    }),
  }
}

function run(statement: StatementSync, args: InArgs | undefined): ResultSet {
  const columns = statement.columns()
  const values = bindings(args)
  if (columns.length === 0) {
    const { changes, lastInsertRowid } = Array.isArray(values)
      ? statement.run(...values)
      : statement.run(values)
    return resultSet([], [], [], Number(changes), BigInt(lastInsertRowid))
  }
  statement.setReturnArrays(true)
  const names = columns.map((column) => column.name)
  const found = Array.isArray(values) ? statement.all(...values) : statement.all(values)
  const rows = (found as unknown as unknown[][]).map((row) => toRow(row, names))
  return resultSet(
    names,
    columns.map((column) => column.type ?? ''),
    rows,
    0,
    undefined,
  )
}

const BEGIN: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN DEFERRED',
  deferred: 'BEGIN DEFERRED',
}

/** The file of a `file:` URL (file:/abs, file:///abs, file:relative). */
function fileOf(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite file URL: ${url}`)
  if (url.includes('?')) throw new Error(`SQLite URL options are not supported: ${url}`)
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)
}

export type SqliteConnection = ReturnType<typeof openSqliteConnection>

export function openSqliteConnection(url: string) {
  const db = new DatabaseSync(fileOf(url))
  let closed = false

  const execute = (statement: InStatement | string, args?: InArgs): ResultSet => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    const { sql, args: given } =
      typeof statement === 'string' ? { sql: statement, args } : statement
    try {
      return run(db.prepare(sql), given)
    } catch (error) {
      throw asLibsqlError(error)
    }
  }
  /** Runs `work` in a transaction, rolled back if it did not commit (libsql's batch and migrate). */
  const inTransaction = <T>(begin: string, work: () => T): T => {
    try {
      execute(begin)
      const result = work()
      execute('COMMIT')
      return result
    } finally {
      if (db.isTransaction) execute('ROLLBACK')
    }
  }
  const each = (statements: InStatement[]) =>
    statements.map((statement) => {
      if (!db.isTransaction)
        throw new LibsqlError('The transaction has been rolled back', 'TRANSACTION_CLOSED')
      return execute(statement)
    })

  return {
    execute: async (statement: InStatement | string, args?: InArgs) => execute(statement, args),
    batch: async (statements: InStatement[], mode: TransactionMode = 'deferred') =>
      inTransaction(BEGIN[mode], () => each(statements)),
    migrate: async (statements: InStatement[]) => {
      execute('PRAGMA foreign_keys=off')
      try {
        return inTransaction(BEGIN.deferred, () => each(statements))
      } finally {
        execute('PRAGMA foreign_keys=on')
      }
    },
    executeMultiple: async (sql: string) => {
      try {
        db.exec(sql)
      } catch (error) {
        throw asLibsqlError(error)
      } finally {
        if (db.isTransaction) execute('ROLLBACK')
      }
    },
    sync: async (): Promise<never> => {
      throw new LibsqlError('sync() is for replicas; this is a local file', 'SYNC_NOT_SUPPORTED')
    },
    close: () => {
      if (closed) return
      closed = true
      db.close()
    },
    get closed() {
      return closed
    },
  }
}
