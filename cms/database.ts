import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { Config } from 'payload'

import { cmsDir, dataDir } from './paths.ts'

const migrationDir = path.join(cmsDir, 'migrations')

export const isMongoUri = (uri: string | undefined): uri is string =>
  Boolean(uri && /^mongodb(\+srv)?:\/\//.test(uri))

/** The SQLite file URL used when DATABASE_URI is unset: zero set-up, under .data/. */
export const defaultSqliteUrl = () => `file:${path.join(dataDir, 'cms.db')}`

/**
 * MongoDB for production (replica sets, Atlas) when DATABASE_URI is a mongodb:// URI; otherwise
 * embedded SQLite. SQLite's schema comes only from the committed migrations in cms/migrations
 * (never pushed), so development, tests and production run the very same schema.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): Config['db'] {
  if (isMongoUri(uri)) return mongooseAdapter({ url: uri, migrationDir })
  if (!uri) mkdirSync(dataDir, { recursive: true })
  return sqliteAdapter({
    client: { url: uri || defaultSqliteUrl() },
    migrationDir,
    push: false,
    // Off by default in Payload's SQLite adapter; on here so a seed or a multi-document change
    // either happens whole or not at all (MongoDB gets this from replica sets).
    transactionOptions: {},
  })
}
