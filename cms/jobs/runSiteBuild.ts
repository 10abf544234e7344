import { spawn, type ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import path from 'node:path'

import { nodeBin, projectRoot } from '../paths.ts'

/** How Node, SQLite and Pagefind (Rust) say that a write found no room. */
const DISK_FULL =
  /ENOSPC|EFBIG|EDQUOT|SQLITE_FULL|No space left on device|File too large|Disk quota exceeded/

export type SiteBuildResult = {
  ok: boolean
  /** The tail of its output. */
  output: string
  /** Whether a write failed for want of room, at any point of the output. */
  diskFull: boolean
  /** Whether the build ran in the process that was waiting loaded (the standby). */
  wasWaiting: boolean
}

type Standby = { child: ChildProcess; env: string; ready: Promise<boolean> }
/**
 * A build process started ahead of its build: it has loaded Payload and Astro and opened the
 * database (about 5 s of every build), and waits for the word (cli/build.ts). One per process.
 */
let standby: Standby | null = null
/** Every build process this one started that has not ended, the standby among them. */
const running = new Set<ChildProcess>()
/** Set once this process stops its builds: none is started after. */
let stopped = false

/** The environment of every build: this process's, and Node's cache of compiled modules. */
const buildEnv = (): NodeJS.ProcessEnv => ({
  // Node keeps the compiled modules between builds (checked against their sources), which saves
  // about a second of every build's start: it loads Payload and Astro afresh.
  NODE_COMPILE_CACHE: path.join(projectRoot, 'node_modules/.cache/node-compile'),
  ...process.env,
})

/**
 * A young generation of 64 MB instead of V8's default: a build allocates short-lived objects by the
 * million (the content store's serialisation, Vite's bundle), and fewer, larger scavenges made a
 * publish's build at 10,000 items about 8% faster (docs/benchmarks.md), its memory no larger.
 */
const BUILD_NODE_FLAGS = ['--max-semi-space-size=64']

function startBuildProcess(env: NodeJS.ProcessEnv) {
  const child = spawn(nodeBin, [...BUILD_NODE_FLAGS, path.join(projectRoot, 'cli/build.ts')], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/** Whether the process keeps this one running: a standby must not, a build it waits for does. */
function hold(child: ChildProcess, held: boolean) {
  for (const handle of [child, child.channel, child.stdout as Socket, child.stderr as Socket])
    if (held) handle?.ref?.()
    else handle?.unref?.()
}

/**
 * Starts the next build's process now, so a publish need not wait for it to load
 * (SITE_BUILD_STANDBY=off saves its memory instead). It ends with this process, like any build.
 */
export function prepareStandbyBuild() {
  if (standby || stopped || process.env.SITE_BUILD_STANDBY === 'off') return
  const env = buildEnv()
  const child = startBuildProcess({ ...env, SITE_BUILD_STANDBY: 'waiting' })
  const ready = new Promise<boolean>((resolve) => {
    child.once('message', () => resolve(true))
    child.once('exit', () => {
      resolve(false)
      if (standby?.child === child) standby = null
    })
  })
  hold(child, false)
  standby = { child, env: JSON.stringify(env), ready }
}

/**
 * Ends every build process this one started, the standby and a build under way, and resolves once
 * they have: a worker that stops leaves nothing behind writing its folders.
 */
export async function stopSiteBuilds() {
  stopped = true
  standby = null
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null)
          child.once('exit', resolve)
          child.kill()
        }),
    ),
  )
}

/**
 * The standby, if it was started in the environment a build would have now and is ready: one
 * started before the environment changed would build with the old one (a test pointing DATA_DIR
 * elsewhere, say), so it goes.
 */
async function takeStandby(env: NodeJS.ProcessEnv): Promise<ChildProcess | null> {
  const spare = standby
  standby = null
  if (!spare) return null
  if (spare.env === JSON.stringify(env) && (await spare.ready)) return spare.child
  spare.child.kill()
  return null
}

/**
 * Runs `cli/build.ts` in a child process (Astro and Payload each keep one instance per process),
 * with `env` added to this process's environment; resolves with whether it succeeded and the tail of
 * its output, for the error report. The process is the standby when there is one (it then gets
 * `env` with the word to build), else a new one; either way the next one starts loading at once.
 * The IPC channel is also there to end with this process: cli/build.ts stops when it closes, so a
 * build never outlives the worker that started it.
 */
export async function runSiteBuild(env: Record<string, string> = {}): Promise<SiteBuildResult> {
  const base = buildEnv()
  let child = await takeStandby(base)
  const wasWaiting = child !== null
  if (child) {
    hold(child, true)
    // Should it die just now, its exit below reports the build as failed, and the job is tried again.
    child.send({ env }, () => {})
  } else child = startBuildProcess({ ...base, ...env })
  // The next build's process loads while this one builds: saves arriving during a build ask for
  // the next one at once, which should not wait the five seconds a process takes to load.
  prepareStandbyBuild()
  const result = await new Promise<SiteBuildResult>((resolve) => {
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
    child.on('exit', (code) => resolve({ ok: code === 0, output, diskFull, wasWaiting }))
  })
  return result
}
