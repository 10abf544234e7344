import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { cmsDir, nodeBin, projectRoot } from '../paths.ts'

export const adminDir = path.join(cmsDir, 'admin')
const STAMP = path.join(adminDir, '.next', 'source-digest')
const nextCli = path.join(projectRoot, 'node_modules/next/dist/bin/next')
/** Next's command line with `args`, run by the pinned Node (cms/paths.ts says why). */
export const nextCommand = (...args: string[]): [string, string[]] => [nodeBin, [nextCli, ...args]]

/** A digest of everything the admin build depends on: the CMS sources, patches and the lockfile. */
function sourceDigest(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.next' || name === 'node_modules') continue
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else hash.update(full).update(readFileSync(full))
    }
  }
  walk(cmsDir)
  // Patched dependencies are bundled into the build too.
  walk(path.join(projectRoot, 'patches'))
  hash.update(readFileSync(path.join(projectRoot, 'package-lock.json')))
  return hash.digest('hex')
}

/** Runs `next <args>` to its end. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(...nextCommand(...args), { cwd: projectRoot, env, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args[0]} exited with ${code}`)),
    )
  })
}

/** Builds the admin (Next.js, ~1 minute) unless the last build was made from the same sources. */
export async function ensureAdminBuild(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const digest = sourceDigest()
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) {
    log('Admin build is up to date.')
    return
  }
  log('Building the admin (Next.js production build, about a minute) …')
  await runNext(['build', adminDir], env)
  writeFileSync(STAMP, digest)
}

export const startAdmin = (port: number, env: NodeJS.ProcessEnv) =>
  spawn(...nextCommand('start', adminDir, '--port', String(port)), {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
