import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'

import { repoRoot } from './paths.ts'

/**
 * A server started as a child process of the test run: its output is kept (for error messages), and
 * `stop` ends it and deletes the data folder it was given (none: the caller keeps its folder).
 * `crash` kills it with SIGKILL, as a power cut or the OOM killer would, and keeps the folder.
 */
export function spawnServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  dataDir: string | null,
) {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return {
    pid: child.pid!,
    /** Whether the process has ended (a server that exits while starting has failed). */
    exited: () => child.exitCode !== null,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
    crash: async () => {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}
