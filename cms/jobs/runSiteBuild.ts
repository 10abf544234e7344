import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../paths.ts'

/**
 * Runs `cli/build.ts` in a child process (Astro and Payload each keep one instance per process),
 * with `env` added to this process's environment; resolves with whether it succeeded and the tail of
 * its output, for the error report.
 */
export function runSiteBuild(
  env: Record<string, string> = {},
): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(projectRoot, 'node_modules/.bin/node'),
      [path.join(projectRoot, 'cli/build.ts')],
      {
        cwd: projectRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('exit', (code) => resolve({ ok: code === 0, output }))
  })
}
