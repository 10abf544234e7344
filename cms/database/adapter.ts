import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { Config } from 'payload'

import { cmsDir, dataDir } from '../paths.ts'
import { createSerialisedSqliteClient } from './serialisedSqliteClient.ts'

const migrationDir = path.join(cmsDir, 'migrations')

export const isMongoUri = (uri: string | undefined): uri is string =>
  Boolean(uri && /^mongodb(\+srv)?:\/\//.test(uri))

/** The SQLite file URL used when DATABASE_URI is unset: zero set-up, under .data/. */
export const defaultSqliteUrl = () => `file:${path.join(dataDir, 'cms.db')}`

/**
 * How long a save waits for another process holding SQLite's write lock (the site builder reporting
 * its state, a seed) before it is refused with 503, and how long it waits behind this process's own
 * saves (an upload's image resizing holds its turn).
 */
const BUSY_TIMEOUT_MS = Number(process.env.SQLITE_BUSY_TIMEOUT_MS || 10_000)
const QUEUE_TIMEOUT_MS = Number(process.env.SQLITE_QUEUE_TIMEOUT_MS || 30_000)

/**
 * MongoDB for production (replica sets, Atlas) when DATABASE_URI is a mongodb:// URI; otherwise
 * embedded SQLite. SQLite's schema comes only from the committed migrations in cms/migrations
 * (never pushed), so development, tests and production run the very same schema.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): Config['db'] {
  if (isMongoUri(uri)) return mongooseAdapter({ url: uri, migrationDir })
  if (!uri) mkdirSync(dataDir, { recursive: true })
  const client = { url: uri || defaultSqliteUrl() }
  const sqlite = sqliteAdapter({
    client,
    migrationDir,
    push: false,
    // Off by default in Payload's SQLite adapter; on here so a seed or a multi-document change
    // either happens whole or not at all (MongoDB gets this from replica sets).
    transactionOptions: {},
  })
  return {
    ...sqlite,
    // The adapter opens its own client only if none is set: hand it one that serialises this
    // process's writes on one connection, in WAL mode with a busy timeout on every connection
    // (cms/database/serialisedSqliteClient.ts says why).
    init: (args) => {
      const adapter = sqlite.init(args)
      Object.assign(adapter, {
        client: createSerialisedSqliteClient(client, {
          busyTimeoutMs: BUSY_TIMEOUT_MS,
          queueTimeoutMs: QUEUE_TIMEOUT_MS,
        }),
      })
      return adapter
    },
  }
}
