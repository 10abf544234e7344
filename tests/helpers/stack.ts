import path from 'node:path'

import { ensureAdminBuilt } from './adminBuilt.ts'
import { copyOfCorpus } from './corpusTemplate.ts'
import { freePort } from './freePort.ts'
import { nodeBin, repoRoot } from './paths.ts'
import { spawnServer } from './serverProcess.ts'

export type Stack = {
  adminUrl: string
  siteUrl: string
  dataDir: string
  /** start.ts's process, whose children are the admin server and the site builds. */
  pid: number
  /** The environment start.ts got, for other processes on the same data (workers). */
  env: NodeJS.ProcessEnv
  log: () => string
  stop: () => Promise<void>
}

/**
 * Exactly what `npm start` runs (cli/start.ts), on a fresh copy of the corpus database, with its
 * own ports and its own dist folder: the CMS admin, the public site and the site builder. `env`
 * adds to or overrides the environment start.ts gets.
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = await copyOfCorpus('stack-')
  const [adminPort, sitePort] = [await freePort(), await freePort()]
  // start.ts then finds the admin build up to date instead of building it beside another test.
  await ensureAdminBuilt()
  const stackEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URI: '',
    MEDIA_DIR: '',
    DIST_DIR: path.join(dataDir, 'dist'),
    PORT: String(adminPort),
    SITE_PORT: String(sitePort),
    SITE_URL: `http://127.0.0.1:${sitePort}`,
    PAYLOAD_SECRET: 'stack-test-secret'.padEnd(40, 'x'),
    PAYLOAD_JOBS_AUTORUN: 'false',
    ...env,
  }
  const server = spawnServer(nodeBin, [path.join(repoRoot, 'cli/start.ts')], stackEnv, dataDir)
  const deadline = Date.now() + 600_000
  while (!/Ready in/.test(server.log())) {
    if (server.exited() || Date.now() > deadline)
      throw new Error(`npm start did not come up:\n${server.log().slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    adminUrl: `http://localhost:${adminPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    dataDir,
    pid: server.pid,
    env: stackEnv,
    log: server.log,
    stop: server.stop,
  }
}
