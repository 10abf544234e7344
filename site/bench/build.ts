/**
 * `npm run bench:build -- N`: what building the site costs at the size of a district (N items,
 * 10,000 by default; 100,000 works). In one run, on one machine:
 *   1. generates N realistic items into a fresh data folder, starting from the corpus (generate.ts);
 *   2. runs the real build entry point on it (cli/build.ts, with DATA_DIR and DIST_DIR), timing it and
 *      taking the peak memory of every process it starts (processTree.ts);
 *   3. builds the same notice pages with Eleventy 3, the peer (eleventyPeer.ts);
 *   4. starts the stack as `npm start` does, edits one published notice over REST and times it until
 *      the served site shows it everywhere (publishToLive.ts), twice: the first publish after a full
 *      build, then one in steady state; then previews a draft of the same notice twice, as the
 *      admin's 预览 button does (draftPreview.ts);
 *   5. prints one table, writes it as JSON beside the run, and appends it to docs/benchmarks.md,
 *      comparing it first with the last committed entry for the same N (report.ts).
 * It drives the pipeline only through its entry points, so it keeps measuring as the pipeline changes.
 * Everything generated lives under BENCH_DIR (default: the system's temp folder), never in the repo.
 *
 *   npm run bench:build                 10,000 items
 *   npm run bench:build -- 100000       a district after a few years
 *   npm run bench:build -- 200 --no-record   a quick try that leaves docs/benchmarks.md alone
 *   npm run bench:build -- 100000 --reuse-data   the items of the last run of that N, built again
 */
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { nodeBin as node, projectRoot } from '../../cms/paths.ts'
import { runEleventyPeer, ELEVENTY_VERSION } from './eleventyPeer.ts'
import type { GenerateReport } from './generate.ts'
import { measureCommand } from './processTree.ts'
import { progress } from './progress.ts'
import { draftPreview } from './draftPreview.ts'
import { publishToLive, startStack, type Stack } from './publishToLive.ts'
import {
  appendToDocs,
  compareWithCommitted,
  describeMachine,
  table,
  type BenchResult,
} from './report.ts'

const args = process.argv.slice(2)
const n = Number(args.find((arg) => !arg.startsWith('--')) ?? 10_000)
if (!Number.isInteger(n) || n < 1) {
  console.error(`Not a number of items: ${args[0]}`)
  process.exit(1)
}
const record = !args.includes('--no-record')
const reuse = args.includes('--reuse-data')
const benchDir = path.resolve(process.env.BENCH_DIR || path.join(os.tmpdir(), 'jumin-build-bench'))
const runDir = path.join(benchDir, `n${n}`)
const dataDir = path.join(runDir, 'data')
const distDir = path.join(runDir, 'dist')
const docsFile = path.join(projectRoot, 'docs/benchmarks.md')
const notes: string[] = []
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  DIST_DIR: distDir,
  DATABASE_URI: '',
  MEDIA_DIR: '',
  // One canonical address for the full build and the stack's builds: it is on every page.
  SITE_URL: 'https://bench.example.org',
  PAYLOAD_LOG_LEVEL: 'error',
  ASTRO_TELEMETRY_DISABLED: '1',
}
delete env.CI
delete env.SITE_OUT_DIR

type Failure = { message?: string; code?: string; cause?: unknown }
/**
 * An error with what caused it, and what caused that: fetch says only "fetch failed", its causes
 * why (a reset connection, a timeout).
 */
function failure(error: unknown): string {
  const parts: string[] = []
  for (let e = error as Failure | undefined; e && parts.length < 4; e = e.cause as Failure)
    parts.push([e.code, e.message].filter(Boolean).join(' '))
  return parts.join(' ← ')
}

const loadStart = os.loadavg()[0]
if (loadStart > 3)
  console.warn(
    `Warning: the load average is ${loadStart.toFixed(1)} on ${os.availableParallelism()} cores; ` +
      'other work on the machine will distort these timings (the load is recorded with the results).',
  )
const generatedFile = path.join(runDir, 'generated.json')
const reused = reuse && existsSync(generatedFile)
if (reused) {
  // Generating 100,000 items takes about 25 minutes: the last run's items (with its one edit) stay,
  // and only what building made goes, so the build below starts from nothing all the same.
  for (const made of [distDir, `${distDir}-generations`, path.join(dataDir, 'site-build')])
    rmSync(made, { recursive: true, force: true })
  notes.push('The items are those of an earlier run of the same N (--reuse-data).')
} else {
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
}
console.log(`Build benchmark, N = ${n.toLocaleString('en-US')}, in ${runDir}`)

// 1. Items. The generator draws its own progress bar.
if (!reused)
  execFileSync(
    node,
    [path.join(projectRoot, 'site/bench/generate.ts'), String(n), '--report', generatedFile],
    {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
const generated = JSON.parse(readFileSync(generatedFile, 'utf8')) as GenerateReport

/** Astro's own count ("11370 page(s) built"), else the pages found in the output. */
const astroPagesBuilt = (output: string) => {
  const match = /([\d,]+) page\(s\) built/.exec(output)
  return match ? Number(match[1].replace(/,/g, '')) : null
}
const walk = (dir: string, visit: (file: string, size: number) => void) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, visit)
    else visit(full, statSync(full).size)
  }
}

// 2. Full build.
const bar = progress('Building')
let rendered = 0
let phase = 'loading content'
const expected = Math.round((n + 600) * 1.15)
const full = await measureCommand(node, [path.join(projectRoot, 'cli/build.ts')], {
  cwd: projectRoot,
  env,
  onLine: (line) => {
    if (/[├└]─ \//.test(line)) {
      phase = 'rendering'
      rendered++
    } else if (line.includes('generating optimized images')) phase = 'images'
    else if (line.includes('[build] Complete!')) phase = 'search index'
    bar.update(rendered, expected, `pages, ${phase}`)
  },
})
writeFileSync(path.join(runDir, 'build.log'), full.output)
// A failed build (at 100,000 items it may run out of memory) is a result too: the rest still runs.
const lastWords = (output: string) => output.trim().split('\n').slice(-3).join(' / ').slice(0, 400)
if (!full.ok) {
  bar.done(`failed after ${full.seconds.toFixed(1)}s (log: ${path.join(runDir, 'build.log')})`)
  notes.push(`The full build failed after ${full.seconds.toFixed(1)}s: ${lastWords(full.output)}`)
}
let htmlPages = 0
let noticePages = 0
let distBytes = 0
if (full.ok)
  walk(distDir, (file, size) => {
    distBytes += size
    if (!file.endsWith('.html')) return
    htmlPages++
    if (/\/shequ\/[^/]+\/tongzhi\/[^/]+\/index\.html$/.test(file)) noticePages++
  })
const pages = full.ok ? (astroPagesBuilt(full.output) ?? htmlPages) : null
if (pages != null) bar.done(`${pages.toLocaleString('en-US')} pages in ${full.seconds.toFixed(1)}s`)

// 3. Eleventy on the same notices, exported once from the database.
const exportFile = path.join(runDir, 'notices.json')
execFileSync(node, [path.join(projectRoot, 'site/bench/exportNotices.ts'), exportFile], {
  cwd: projectRoot,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
})
const eleventyRun = await runEleventyPeer({
  cacheDir: benchDir,
  workDir: path.join(runDir, 'eleventy'),
  exportFile,
  node,
})
if (!eleventyRun.ok) notes.push('Eleventy failed; see its output above.')
if (full.ok && eleventyRun.notices !== noticePages)
  notes.push(`Eleventy had ${eleventyRun.notices} notices, the site ${noticePages} notice pages.`)

// 4. Publish → live on the stack `npm start` runs (which needs the full build to have succeeded).
let publish: BenchResult['publish'] = null
let firstPublish: BenchResult['firstPublish'] = null
let preview: BenchResult['preview'] = null
if (full.ok) {
  console.log('Starting the stack as `npm start` does …')
  let stack: Stack | undefined
  try {
    stack = await startStack({
      root: projectRoot,
      node,
      dataDir,
      distDir,
      canonicalUrl: env.SITE_URL!,
    })
    // Twice: the first publish after a full build still makes the spare generation that every
    // later one reuses (site/cli/publishGeneration.ts); the second is a publish in steady state.
    const publishOnce = async (label: string) => {
      const liveBar = progress(label)
      const result = await publishToLive(stack!, {
        distDir,
        timeoutMs: Math.max(300_000, full.seconds * 4000),
        onTick: (seconds, waiting) =>
          liveBar.update(Math.round(seconds), 0, `s, waiting for ${waiting.join(', ')}`),
      })
      liveBar.done(
        `「${result.notice.newTitle}」 live after ${Object.entries(result.live)
          .map(([where, s]) => `${where} ${s == null ? 'never' : `${s.toFixed(1)}s`}`)
          .join(', ')}`,
      )
      return result
    }
    const first = await publishOnce('Publishing (the first after the full build)')
    firstPublish = { live: first.live, rebuildSeconds: first.rebuildSeconds }
    publish = { ...(await publishOnce('Publishing again')), readySeconds: stack.readySeconds }
    console.log('Previewing a draft of the same notice, twice …')
    try {
      const { id, url, newTitle } = publish.notice
      preview = await draftPreview(stack, { id, url, publishedTitle: newTitle })
      console.log(
        `Draft preview in ${preview.seconds.map((s) => `${s.toFixed(1)}s`).join(', then ')}`,
      )
    } catch (error) {
      console.error(`Draft preview failed: ${failure(error)}`)
      notes.push(`Draft preview failed: ${failure(error).slice(0, 400)}`)
    }
  } catch (error) {
    console.error(`Publish → live failed: ${failure(error)}`)
    notes.push(`Publish → live failed: ${failure(error).slice(0, 400)}`)
  } finally {
    if (stack) {
      writeFileSync(path.join(runDir, 'stack.log'), stack.log())
      await stack.stop()
    }
  }
}

// 5. The table.
const pps = (count: number | null, seconds: number) => (count == null ? null : count / seconds)
const ours = pps(pages, full.seconds)
const theirs = eleventyRun.ok ? pps(eleventyRun.pages, eleventyRun.seconds) : null
const result: BenchResult = {
  n,
  date: new Date().toISOString().slice(0, 10),
  machine: describeMachine(),
  load: { start: loadStart, end: os.loadavg()[0] },
  generate: generated,
  full: {
    ok: full.ok,
    pages,
    htmlPages,
    noticePages,
    distMiB: distBytes / 2 ** 20,
    seconds: full.seconds,
    pagesPerSecond: ours,
    peaks: full.peaks,
  },
  eleventy: eleventyRun.ok
    ? {
        version: ELEVENTY_VERSION,
        notices: eleventyRun.notices,
        pages: eleventyRun.pages,
        seconds: eleventyRun.seconds,
        pagesPerSecond: theirs,
        peaks: eleventyRun.peaks,
      }
    : null,
  ratioToEleventy: ours != null && theirs ? ours / theirs : null,
  publish,
  firstPublish,
  preview,
  incrementalRatio: publish?.rebuildSeconds != null ? publish.rebuildSeconds / full.seconds : null,
  notes,
}
if (result.load.start > 3 || result.load.end > 3)
  notes.push(
    `Measured under load (${result.load.start.toFixed(1)} → ${result.load.end.toFixed(1)} on ${result.machine.cpus} cores): other work shared the machine.`,
  )

console.log(`\n${table(result)}\n`)
writeFileSync(path.join(runDir, 'result.json'), JSON.stringify(result, null, 2))
const comparison = compareWithCommitted(result, docsFile)
if (comparison) console.log(`${comparison}\n`)
if (record) {
  await appendToDocs(result, docsFile)
  console.log(
    `Appended to ${path.relative(projectRoot, docsFile)}; result.json, logs and data in ${runDir}`,
  )
} else console.log(`Not recorded (--no-record); result.json, logs and data in ${runDir}`)
process.exit(0)
