/**
 * Peak memory of every process a command starts. A build is several processes (Node running Astro,
 * Pagefind's binary, whatever the pipeline spawns next), and `/usr/bin/time` merges children into one
 * figure, so this samples the process tree under a root pid every 150 ms and keeps each process's
 * VmHWM (the kernel's own high-water mark of its resident memory: a peak between two samples is not
 * missed, only growth after a process's last sample). Linux only (/proc).
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type ProcessPeak = {
  /** What ran: the executable's name, and for Node the script it ran. */
  name: string
  /** The largest peak RSS seen among the processes of that name, in bytes. */
  peakBytes: number
  /** How many processes of that name were seen. */
  processes: number
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** Children of a process, over all its threads (a child belongs to the thread that forked it). */
export function childrenOf(pid: number): number[] {
  let tasks: string[]
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return []
  }
  return tasks.flatMap((tid) =>
    (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number),
  )
}

/** The command line a process runs (empty between fork and exec's first read, or once it has gone). */
export const argvOf = (pid: number) =>
  (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean)

/** `node cli/build.ts` → "node cli/build.ts"; `/…/pagefind_extended --service` → "pagefind_extended". */
export function processName(argv: string[]): string {
  const exe = path.basename(argv[0] ?? '?')
  if (!/^node(js)?$/.test(exe) && !argv[0]?.endsWith('/node')) return exe
  const script = argv.slice(1).find((arg) => !arg.startsWith('-'))
  if (!script) return exe
  const parts = script.split('/')
  const bin = parts.lastIndexOf('.bin')
  const shown = bin >= 0 ? parts.slice(bin + 1) : parts.slice(-2)
  return `node ${shown.join('/')}`
}

export function watchProcessTree(rootPid: number, intervalMs = 150) {
  const seen = new Map<number, { name: string; hwmKb: number }>()
  const sample = () => {
    const queue = [rootPid]
    while (queue.length) {
      const pid = queue.pop()!
      const status = read(`/proc/${pid}/status`)
      if (!status) continue
      const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0)
      const argv = argvOf(pid)
      // Between fork and exec a child still shows its parent's command and memory: a process
      // counts under the command it runs, from its exec on.
      if (argv.length > 0) {
        const name = processName(argv)
        const entry = seen.get(pid)
        if (entry?.name === name) entry.hwmKb = Math.max(entry.hwmKb, hwm)
        else seen.set(pid, { name, hwmKb: hwm })
      }
      queue.push(...childrenOf(pid))
    }
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    /** One more sample, then the peak of each kind of process, largest first. */
    stop(): ProcessPeak[] {
      sample()
      clearInterval(timer)
      const byName = new Map<string, ProcessPeak>()
      for (const { name, hwmKb } of seen.values()) {
        if (hwmKb === 0) continue
        const peak = byName.get(name) ?? { name, peakBytes: 0, processes: 0 }
        peak.peakBytes = Math.max(peak.peakBytes, hwmKb * 1024)
        peak.processes++
        byName.set(name, peak)
      }
      return [...byName.values()].sort((a, b) => b.peakBytes - a.peakBytes)
    },
  }
}

export type Measured = {
  ok: boolean
  seconds: number
  peaks: ProcessPeak[]
  /** Everything the command printed (stdout and stderr, interleaved as it came). */
  output: string
}

/**
 * Runs a command to its end, timing it and watching its process tree; `onLine` sees each line it
 * prints (for a progress bar). Its output is kept, not shown, so the bar has the terminal to itself.
 */
export function measureCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (!child.pid) return reject(new Error(`could not start ${command}`))
    const watch = watchProcessTree(child.pid)
    let output = ''
    let partial = ''
    const take = (chunk: Buffer) => {
      const text = chunk.toString()
      output += text
      const lines = (partial + text).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) options.onLine?.(line)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', reject)
    child.on('exit', (code) => {
      // VmHWM of the root is gone once it has exited; its last sample stands.
      const peaks = watch.stop()
      resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000, peaks, output })
    })
  })
}
