import { afterAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'

/**
 * The admin server runs on the pinned Node (cms/paths.ts) whatever Node the PATH finds first: run
 * outside npm's scripts (a service manager, `node cli/start.ts`), the PATH has the machine's own,
 * Node 20 here, which has no node:sqlite and so could not open the database.
 */
let server: CmsServer | undefined
afterAll(async () => server?.stop())

describe('the CMS server started with only the system folders on the PATH', () => {
  it('serves the API from the database', async () => {
    server = await startCmsServer({ PATH: '/usr/local/bin:/usr/bin:/bin' })
    const response = await fetch(`${server.url}/api/districts?limit=1`)
    expect(response.status).toBe(200)
    expect((await response.json()).totalDocs).toBeGreaterThan(0)
  }, 240_000)
})
