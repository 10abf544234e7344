import { getPayload, type Payload } from 'payload'

import { backfillMediaUse } from './hooks/trackMediaUse.ts'
import config from './payload.config.ts'

/**
 * The Local API, with the schema brought up to date first. Every CLI, the site build and the tests
 * open the CMS here.
 */
export async function openCms(): Promise<Payload> {
  const payload = await getPayload({ config })
  // MongoDB needs no schema; SQLite's comes only from the committed migrations.
  if (payload.db.name === 'sqlite') {
    await payload.db.migrate()
    // Files of a database made before they were tracked, counted once the schema is complete.
    await backfillMediaUse(payload)
  }
  return payload
}
