/**
 * `npm run worker`: a site worker on its own (site/cli/siteWorker.ts), for more build capacity or a
 * separate build machine. It needs the same database (DATABASE_URI) and, to publish, the same served
 * folder (DIST_DIR: a shared volume) or a sync of it to the web host (README "Deployment at city
 * scale").
 */
import '../site/cli/productionMode.ts'

import { prepareDatabase } from '../cms/prepareDatabase.ts'
import { startSiteWorker } from '../site/cli/siteWorker.ts'

const { payload } = await prepareDatabase(console.log)
const worker = startSiteWorker(payload, { log: console.log })
console.log(`Site worker ${process.pid} ready.`)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    // Its build processes end first: none may go on writing once this has stopped.
    void worker.stop().then(() => process.exit(0))
  })
