import { adminDir, nextCommand } from '../../cms/cli/adminBuild.ts'
import { ensureAdminBuilt } from './adminBuilt.ts'
import { copyOfCorpus } from './corpusTemplate.ts'
import { freePort } from './freePort.ts'
import { spawnServer } from './serverProcess.ts'

export type CmsServer = {
  url: string
  dataDir: string
  log: () => string
  stop: () => Promise<void>
  /** Killed with SIGKILL; its data folder stays. */
  crash: () => Promise<void>
}

/**
 * The real CMS server (`next start` on the production admin build) over real HTTP, on a fresh copy
 * of the corpus database, or on `existingDataDir` (which it then leaves in place). The build is
 * shared with `npm start` and only redone when cms/ changed.
 */
export async function startCmsServer(
  env: Record<string, string> = {},
  existingDataDir?: string,
): Promise<CmsServer> {
  const dataDir = existingDataDir ?? (await copyOfCorpus('cms-server-'))
  const secret = 'test-secret-'.padEnd(40, 'x')
  const baseEnv = { ...process.env, PAYLOAD_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1' }
  await ensureAdminBuilt()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = spawnServer(
    ...nextCommand('start', adminDir, '--port', String(port), '--hostname', '127.0.0.1'),
    {
      ...baseEnv,
      DATA_DIR: dataDir,
      DATABASE_URI: '',
      MEDIA_DIR: '',
      PAYLOAD_PUBLIC_SERVER_URL: url,
      COOKIE_SECURE: 'false',
      PAYLOAD_JOBS_AUTORUN: 'false',
      ...env,
    },
    existingDataDir ? null : dataDir,
  )
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      const response = await fetch(`${url}/api/districts?limit=1`)
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    if (server.exited() || Date.now() > deadline)
      throw new Error(`CMS server did not start:\n${server.log().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return { url, dataDir, log: server.log, stop: server.stop, crash: server.crash }
}
