import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../paths.ts'

/** How Node, SQLite and Pagefind (Rust) say that a write found no room. */
const DISK_FULL =
  /ENOSPC|EFBIG|EDQUOT|SQLITE_FULL|No space left on device|File too large|Disk quota exceeded/

export type SiteBuildResult = {
  ok: boolean
  /** The tail of its output. */
  output: string
  /** Whether a write failed for want of room, at any point of the output. */
  diskFull: boolean
}

/**
 * Runs `cli/build.ts` in a child process (Astro and Payload each keep one instance per process),
 * with `env` added to this process's environment; resolves with whether it succeeded and the tail of
 * its output, for the error report. The IPC channel is only there to end with this process:
 * cli/build.ts stops when it closes, so a build never outlives the worker that started it.
 */
export function runSiteBuild(env: Record<string, string> = {}): Promise<SiteBuildResult> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(projectRoot, 'node_modules/.bin/node'),
      [path.join(projectRoot, 'cli/build.ts')],
      {
        cwd: projectRoot,
        env: {
          // Node keeps the compiled modules between builds (checked against their sources), which
          // saves about a second of every build's start: it loads Payload and Astro afresh.
          NODE_COMPILE_CACHE: path.join(projectRoot, 'node_modules/.cache/node-compile'),
          ...process.env,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    )
    let output = ''
    let diskFull = false
    const keep = (chunk: Buffer) => {
      const text = chunk.toString()
      // Only the new text, with the end of the old for a message split between two chunks: a large
      // build prints tens of thousands of lines, and the kept tail is 4,000 characters.
      diskFull ||= DISK_FULL.test(output.slice(-32) + text)
      output = (output + text).slice(-4000)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    child.on('exit', (code) => resolve({ ok: code === 0, output, diskFull }))
  })
}
