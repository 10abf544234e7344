/**
 * `npm run bench:load`: the CMS's REST API under read load while an editor publishes. The corpus is
 * seeded into a fresh data folder, the stack is started as `npm start` runs it (building the site),
 * and for 30 s (`--seconds N`) 32 clients (`--clients N`) read lists and items anonymously, as
 * residents' apps and the site's own previews do, while one editor changes and publishes a notice
 * every second (each publish queues a site build, which runs meanwhile). The peer, in the same run:
 * the same clients reading a static file of the same site from the static server `npm start` runs.
 * Prints one table and appends it to docs/benchmarks.md (`--no-record` leaves it alone).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { nodeBin as node, projectRoot } from '../../cms/paths.ts'
import { anonymous, restClient } from '../../tests/helpers/rest.ts'
import { startStack } from './publishToLive.ts'
import { appendMarkdown, machineLine } from './report.ts'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const seconds = option('seconds', 30)
const clients = option('clients', 32)
const record = !args.includes('--no-record')
const docsFile = path.join(projectRoot, 'docs/benchmarks.md')

type Run = {
  label: string
  requests: number
  perSecond: number
  p50: number
  p95: number
  /** Connection errors and answers other than 2xx, with their status codes. */
  errors: number
  statuses: Record<string, number>
  /** Requests with no answer within autocannon's 10 s. */
  timeouts: number
}

/** `clients` connections for `seconds`, every response's time kept, so p95 is exact. */
async function load(label: string, url: string, paths: string[]): Promise<Run> {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: clients,
        duration: seconds,
        requests: paths.map((p) => ({ method: 'GET', path: p })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime)
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    })
  })
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN
  return {
    label,
    requests: times.length,
    perSecond: times.length / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    errors: result.errors + result.non2xx,
    statuses,
    timeouts: result.timeouts,
  }
}

/** Status codes with how often each came: "10 × 200". */
const counted = (statuses: Array<[string, number]>) =>
  statuses.map(([status, count]) => `${count} × ${status}`)

const loadStart = os.loadavg()[0]
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-load-'))
const distDir = path.join(dataDir, 'dist')
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URI: '', MEDIA_DIR: '' }
console.log(`API load benchmark: ${clients} clients × ${seconds} s, in ${dataDir}`)
execFileSync(node, [path.join(projectRoot, 'cms/cli/seed.ts')], {
  cwd: projectRoot,
  env,
  stdio: 'ignore',
})
const stack = await startStack({
  root: projectRoot,
  node,
  dataDir,
  distDir,
  canonicalUrl: 'http://localhost:4321',
})
let editing = true
const edits: Record<string, number> = {}
try {
  const api = restClient(stack.adminUrl)
  const admin = await api.firstAdmin('Bench-load-pass-2026', 'bench-load@example.test')
  const listed = await api.get(anonymous, '/api/notices?limit=20&depth=0&sort=-publishedAt')
  const notices = listed.json.docs as Array<{ id: number; title: string }>
  const readPaths = [
    '/api/notices?limit=10&depth=1&sort=-publishedAt',
    ...notices.slice(0, 5).map((n) => `/api/notices/${n.id}?depth=1`),
    '/api/case-studies?limit=10&depth=0&where[genre][equals]=grassroots',
    '/api/communities?limit=50&depth=0',
    '/api/disclosures?limit=10&depth=1&sort=-publishedAt',
  ]

  // The editor: one published notice, its title changed and published again every second.
  const target = notices[0]!
  const editor = (async () => {
    for (let n = 1; editing; n++) {
      const { status } = await api.patch(admin, `/api/notices/${target.id}`, {
        title: `${target.title}（第${n}次更正）`,
        _status: 'published',
      })
      edits[status] = (edits[status] ?? 0) + 1
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  })()
  const apiRun = await load('CMS REST API, anonymous reads', stack.adminUrl, readPaths)
  editing = false
  await editor
  const peerRun = await load('peer: static server, /shequ/shili/data.json', stack.siteUrl, [
    '/shequ/shili/data.json',
  ])

  const editLine = counted(Object.entries(edits)).join(', ')
  const failures = (r: Run) => {
    const refused = Object.entries(r.statuses).filter(([status]) => !status.startsWith('2'))
    const connectionErrors = r.errors - refused.reduce((sum, [, count]) => sum + count, 0)
    const parts = [
      ...counted(refused),
      ...(r.timeouts ? [`${r.timeouts} timed out`] : []),
      ...(connectionErrors > 0 ? [`${connectionErrors} connection errors`] : []),
    ]
    return parts.join(', ') || '0'
  }
  const row = (r: Run) =>
    `| ${r.label} | ${r.requests.toLocaleString('en-US')} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${failures(r)} |`
  const entry = [
    '',
    `## bench:load, ${clients} clients × ${seconds} s, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machineLine()}. Load average (1 min) ` +
      `${loadStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end. The corpus, ` +
      `served by \`npm start\`; the editor's publishes meanwhile: ${editLine}.`,
    '',
    '| reads | requests | req/s | p50 ms | p95 ms | failed (status, timeouts) |',
    '| --- | --- | --- | --- | --- | --- |',
    row(apiRun),
    row(peerRun),
    '',
  ].join('\n')
  console.log(entry)
  if (record) await appendMarkdown(docsFile, entry)
} finally {
  editing = false
  await stack.stop()
  // A site build the stack started may still be finishing in the folder for a moment.
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 })
}
