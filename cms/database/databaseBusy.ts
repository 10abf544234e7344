/**
 * A save that cannot be stored right now must be refused in words a committee editor understands,
 * with HTTP 503 and a Retry-After hint — never a 500, and never a 201 for something not stored.
 * SQLite reports a held write lock as SQLITE_BUSY (MongoDB a write conflict); Payload wraps such
 * errors in its own, so the message is what is recognised.
 */
import type { AfterErrorHook } from 'payload'

export class DatabaseBusyError extends Error {
  constructor(detail: string) {
    super(`SQLITE_BUSY: database is busy (${detail})`)
    this.name = 'DatabaseBusyError'
  }
}

// MongoDB's equivalent: two transactions wrote the same document at once; one may simply retry.
const BUSY =
  /SQLITE_BUSY|SQLITE_LOCKED|database is (locked|busy)|WriteConflict|TransientTransactionError/i
/** The disk is full, or the database file cannot be written: nothing was stored either. */
const STORAGE = /SQLITE_(FULL|IOERR|READONLY)|database or disk is full|disk I\/O error/i

const messages = (error: unknown): string[] => {
  const found: string[] = []
  for (
    let e = error as { message?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as never
  ) {
    if (typeof e.message === 'string') found.push(e.message)
    if (found.length > 5) break
  }
  return found
}

export const isDatabaseBusy = (error: unknown) => messages(error).some((m) => BUSY.test(m))
export const isStorageFailure = (error: unknown) => messages(error).some((m) => STORAGE.test(m))

/** Seconds a client is asked to wait before trying a refused save again. */
export const RETRY_AFTER_SECONDS = 5

export const DATABASE_BUSY_MESSAGE = '系统正忙，这次保存没有完成，内容未保存。请稍等几秒后重试。'
export const STORAGE_FAILURE_MESSAGE =
  '服务器暂时无法写入数据，这次保存没有完成，内容未保存。请稍后重试；如果一直这样，请联系系统管理员。'

/** Turns "the database could not store this" into 503 with a clear message (config `hooks.afterError`). */
export const refuseUnstoredSave: AfterErrorHook = ({ error, req }) => {
  const busy = isDatabaseBusy(error)
  if (!busy && !isStorageFailure(error)) return
  if (busy) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  }
  return {
    status: 503,
    response: { errors: [{ message: busy ? DATABASE_BUSY_MESSAGE : STORAGE_FAILURE_MESSAGE }] },
  }
}
