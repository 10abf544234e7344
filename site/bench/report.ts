/**
 * The build benchmark's one table: printed, written as JSON beside the run, and appended to
 * docs/benchmarks.md with the machine it ran on. Each entry there carries its figures as a JSON
 * comment, so a later run finds the last committed entry for the same N and prints how it differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as prettier from 'prettier'

import type { GenerateReport } from './generate.ts'
import type { ProcessPeak } from './processTree.ts'
import type { PreviewResult } from './draftPreview.ts'
import type { PublishResult } from './publishToLive.ts'

export type Machine = { cpus: number; memoryGiB: number; cpu: string; node: string; kernel: string }

export type BuildFigures = {
  pages: number | null
  seconds: number
  pagesPerSecond: number | null
  peaks: ProcessPeak[]
}

export type BenchResult = {
  n: number
  date: string
  machine: Machine
  /** 1-minute load average when the run started and when it ended (2 cores: above 3 distorts). */
  load: { start: number; end: number }
  generate: GenerateReport
  full: BuildFigures & { ok: boolean; htmlPages: number; noticePages: number; distMiB: number }
  eleventy: (BuildFigures & { version: string; notices: number }) | null
  /** This site's pages/s over Eleventy's. */
  ratioToEleventy: number | null
  /**
   * The second of two publishes in a row: a worker's publishes in steady state. The first, right
   * after the full build, is `firstPublish`: it still makes the spare generation the later ones
   * reuse (site/cli/publishGeneration.ts).
   */
  publish: (PublishResult & { readySeconds: number }) | null
  firstPublish?: { live: PublishResult['live']; rebuildSeconds: number | null } | null
  /** Two previews of a draft after the publishes: the first after the stack started, then one more. */
  preview?: PreviewResult | null
  /** The publish's rebuild seconds over the full build's. */
  incrementalRatio: number | null
  notes: string[]
}

/** The machine in one line, as every benchmark's entry in docs/benchmarks.md opens. */
export const machineLine = (m: Machine = describeMachine()) =>
  `${m.cpus} cores (${m.cpu}), ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}`

export function describeMachine(): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  return {
    cpus: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    kernel: os.release(),
  }
}

const int = (n: number | null | undefined) =>
  n == null ? '—' : Math.round(n).toLocaleString('en-US')
const sec = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(1))
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`
const peaks = (list: ProcessPeak[] | undefined, top = 4) =>
  list?.length
    ? list
        .slice(0, top)
        .map((p) => `${p.name} ${gb(p.peakBytes)}${p.processes > 1 ? ` (×${p.processes})` : ''}`)
        .join('; ')
    : '—'

/** The table as Markdown (it reads as well on a terminal as in docs/benchmarks.md). */
export function table(r: BenchResult): string {
  const e = r.eleventy
  const p = r.publish
  const lives = (l: PublishResult['live'] | undefined) =>
    l ? `${sec(l.page)} / ${sec(l.list)} / ${sec(l.feed)} / ${sec(l.search)}` : '—'
  const live = lives(p?.live)
  const rows: [string, string, string][] = [
    [
      'items generated',
      `${int(r.generate.items)} at ${int(r.generate.itemsPerSecond)} items/s (committees ${r.generate.committees}, streets ${r.generate.streets}, districts ${r.generate.districts})`,
      '',
    ],
    [
      'pages',
      int(r.full.pages),
      e ? `${int(e.pages)} (notice pages; ours: ${int(r.full.noticePages)})` : '—',
    ],
    [
      'wall s',
      `${sec(r.full.seconds)}${r.full.ok === false ? ' (failed)' : ''}`,
      e ? sec(e.seconds) : '—',
    ],
    ['pages/s', int(r.full.pagesPerSecond), e ? int(e.pagesPerSecond) : '—'],
    ['peak RSS per process', peaks(r.full.peaks), e ? peaks(e.peaks) : '—'],
    [
      'ratio to Eleventy (pages/s)',
      r.ratioToEleventy == null ? '—' : `${r.ratioToEleventy.toFixed(2)}×`,
      '1×',
    ],
    ['incremental build s (one notice edited)', sec(p?.rebuildSeconds), ''],
    [
      'incremental/full ratio',
      r.incrementalRatio == null ? '—' : r.incrementalRatio.toFixed(2),
      '',
    ],
    [
      'pages re-rendered',
      p ? (p.pagesRerendered == null ? 'unknown' : int(p.pagesRerendered)) : '—',
      '',
    ],
    ['HTML files rewritten by the publish', int(p?.htmlFilesRewritten), ''],
    ['publish → live s (page / list / feed / search)', live, ''],
    [
      'the first publish after the full build → live s, build s',
      r.firstPublish ? `${lives(r.firstPublish.live)}; ${sec(r.firstPublish.rebuildSeconds)}` : '—',
      '',
    ],
    ['peak RSS during the publish', peaks(p?.peaks), ''],
    [
      'draft preview s (the first after the start, then the next)',
      r.preview ? r.preview.seconds.map(sec).join(', ') : '—',
      '',
    ],
    ['dist size', `${int(r.full.distMiB)} MiB`, ''],
    [
      'load average (1 min) at start → end',
      `${r.load.start.toFixed(1)} → ${r.load.end.toFixed(1)}`,
      '',
    ],
  ]
  return [
    `| N = ${int(r.n)} | this site (Astro) | Eleventy ${e?.version ?? ''} |`,
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

const MARK = /<!-- bench:build (\{.*?\}) -->/g

/** The figures a later run is compared on: name → [value, lower is better]. */
function keyFigures(r: BenchResult): Record<string, [number | null, boolean]> {
  return {
    'full build s': [r.full.seconds, true],
    'pages/s': [r.full.pagesPerSecond, false],
    'largest peak RSS GB': [r.full.peaks[0] ? r.full.peaks[0].peakBytes / 2 ** 30 : null, true],
    'Eleventy pages/s': [r.eleventy?.pagesPerSecond ?? null, false],
    'ratio to Eleventy': [r.ratioToEleventy, false],
    'incremental build s': [r.publish?.rebuildSeconds ?? null, true],
    'publish → page live s': [r.publish?.live.page ?? null, true],
    'publish → search live s': [r.publish?.live.search ?? null, true],
    'draft preview s': [r.preview?.seconds.at(-1) ?? null, true],
  }
}

/** How this run differs from the last entry for the same N in `docsFile`, or null if there is none. */
export function compareWithCommitted(r: BenchResult, docsFile: string): string | null {
  if (!existsSync(docsFile)) return null
  const earlier = [...readFileSync(docsFile, 'utf8').matchAll(MARK)]
    .map((m) => JSON.parse(m[1]) as BenchResult)
    .filter((entry) => entry.n === r.n)
    .at(-1)
  if (!earlier) return null
  const before = keyFigures(earlier)
  const now = keyFigures(r)
  const lines = Object.entries(now).map(([name, [value, lowerIsBetter]]) => {
    const [old] = before[name] ?? [null]
    const shown = (figure: number | null) => (figure == null ? '—' : figure.toFixed(2))
    if (value == null || old == null) return `  ${name}: ${shown(old)} → ${shown(value)}`
    const change = old === 0 ? 0 : ((value - old) / old) * 100
    const better = lowerIsBetter ? change < 0 : change > 0
    const word = Math.abs(change) < 5 ? 'about the same' : better ? 'better' : 'worse'
    return `  ${name}: ${old.toFixed(2)} → ${value.toFixed(2)} (${change >= 0 ? '+' : ''}${change.toFixed(0)}%, ${word})`
  })
  return [
    `Compared with the entry of ${earlier.date} (load ${earlier.load.start.toFixed(1)}):`,
    ...lines,
  ].join('\n')
}

const HEADER = `# Benchmarks

Figures measured by the project's benchmarks on the machines named with them. Timings depend on the
machine and on what else it was doing (the load average is recorded with each run); they are never
checked by tests. Each \`npm run bench:build\` run appends an entry here and compares itself with the
last entry for the same number of items.
`

/**
 * Appends the run to docs/benchmarks.md (made if absent), with the machine and the table, formatted
 * by the project's Prettier so the file passes `prettier --check` as committed.
 */
export async function appendToDocs(r: BenchResult, docsFile: string) {
  const m = r.machine
  const entry = [
    '',
    `## bench:build, N = ${r.n.toLocaleString('en-US')}, ${r.date}`,
    '',
    `Machine: ${machineLine(m)}. ` +
      `Load average (1 min) ${r.load.start.toFixed(1)} at the start, ${r.load.end.toFixed(1)} at the end.`,
    '',
    table(r),
    '',
    ...(r.notes.length ? [...r.notes.map((note) => `- ${note}`), ''] : []),
    `<!-- bench:build ${JSON.stringify(r)} -->`,
    '',
  ].join('\n')
  await appendMarkdown(docsFile, entry)
}

/** Appends a section to docs/benchmarks.md, written through the project's Prettier like the rest. */
export async function appendMarkdown(docsFile: string, entry: string) {
  const current = existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : HEADER
  const text = current.replace(/\n*$/, '\n') + entry
  const options = (await prettier.resolveConfig(docsFile)) ?? {}
  mkdirSync(path.dirname(docsFile), { recursive: true })
  writeFileSync(docsFile, await prettier.format(text, { ...options, filepath: docsFile }))
}
