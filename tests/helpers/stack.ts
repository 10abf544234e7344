import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ensureAdminBuilt } from './adminBuilt.ts'
import { ensureCorpusTemplate } from './corpusTemplate.ts'
import { freePort } from './freePort.ts'
import { nodeBin, repoRoot } from './paths.ts'

export type Stack = { adminUrl: string; siteUrl: string; dataDir: string; log: () => string; stop: () => Promise<void> }

/**
 * Exactly what `npm start` runs (cms/cli/start.ts), on a fresh copy of the corpus database, with its
 * own ports and its own dist folder: the CMS admin, the public site and the site builder.
 */
export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stack-'))
  cpSync(await ensureCorpusTemplate(), dataDir, { recursive: true })
  const [adminPort, sitePort] = [await freePort(), await freePort()]
  let output = ''
  // start.ts then finds the admin build up to date instead of building it beside another test.
  await ensureAdminBuilt()
  const child: ChildProcess = spawn(nodeBin, [path.join(repoRoot, 'cms/cli/start.ts')], {
    cwd: repoRoot,
    env: {
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
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const deadline = Date.now() + 240_000
  while (!/Ready in/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output.slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    adminUrl: `http://localhost:${adminPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    dataDir,
    log: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
