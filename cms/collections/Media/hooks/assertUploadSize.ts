import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { MAX_UPLOAD_BYTES } from '../limits.ts'

/**
 * Refuses files over the cap on every path (REST, GraphQL and the Local API alike), before anything
 * is written to disk or to the database.
 */
export const assertUploadSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const size = req.file?.size
  if (typeof size === 'number' && size > MAX_UPLOAD_BYTES) {
    const mb = (MAX_UPLOAD_BYTES / 1024 / 1024).toFixed(0)
    throw new APIError(`文件过大：上限为 ${mb} MB。`, 413, undefined, true)
  }
  return args
}
