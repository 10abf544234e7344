/**
 * A one-line progress bar for the benchmarks, redrawn in place with a carriage return: a dependency
 * would buy nothing a dozen lines cannot do. It draws only on a terminal, so logs and CI output stay
 * free of control characters; `done` then prints a plain summary line either way.
 */
const WIDTH = 28

export type Progress = {
  /** `current` of `total` (a total of 0 draws a counter without a bar). */
  update: (current: number, total: number, note?: string) => void
  done: (summary: string) => void
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY)
  const started = Date.now()
  let last = 0
  const draw = (line: string) => {
    const columns = stream.columns || 100
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`)
  }
  return {
    update(current, total, note = '') {
      const now = Date.now()
      if (!tty || now - last < 100) return
      last = now
      const seconds = ((now - started) / 1000).toFixed(0)
      const share = total > 0 ? Math.min(1, current / total) : 0
      const bar =
        total > 0
          ? `[${'█'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '·')}] ${(share * 100).toFixed(0).padStart(3)}% `
          : ''
      draw(`${label} ${bar}${current.toLocaleString('en-US')} ${note} ${seconds}s`)
    },
    done(summary) {
      if (tty) draw('')
      stream.write(`${tty ? '\r' : ''}${label}: ${summary}\n`)
    },
  }
}
