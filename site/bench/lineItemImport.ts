/**
 * `npm run bench:import`: what reading a finance table costs on the server, for a quarter's usual
 * size and for the largest file accepted (cms/collections/Disclosures/import/limits.ts). Ours is the
 * whole import path (readSpreadsheet: the archive checks, the parse, every row's checks); the peer, in
 * the same run, is the bare parse of the same bytes by the same library (exceljs for .xlsx,
 * csv-parse after iconv for GBK .csv), so the table shows what the checks add. The median of 7 runs.
 * Appends the table to docs/benchmarks.md (`--no-record` leaves it alone).
 */
import os from 'node:os'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

import { readSpreadsheet } from '../../cms/collections/Disclosures/import/readSpreadsheet.ts'
import { MAX_ROWS } from '../../cms/collections/Disclosures/import/limits.ts'
import { projectRoot } from '../../cms/paths.ts'
import { csvGbk, HEADER, xlsx } from '../../tests/helpers/spreadsheets.ts'
import { appendMarkdown, machineLine } from './report.ts'

const record = !process.argv.includes('--no-record')
const RUNS = 7

const rows = (n: number) => [
  HEADER,
  ...Array.from({ length: n }, (_, i) => [
    `第${i + 1}项 楼道照明维修`,
    i % 3 ? '支出' : '收入',
    Math.round(((i * 7919) % 100_000) + 12.34 * (i % 5)) / 100,
    i % 4 ? '' : '发票已公示',
  ]),
]

/** The median time in ms of `run`, after one warm-up. */
async function median(run: () => Promise<unknown>) {
  await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
}

const table = [
  '| file | rows | size | our import, ms | bare parse (peer), ms |',
  '| --- | --- | --- | --- | --- |',
]
for (const n of [60, 500, MAX_ROWS]) {
  const book = await xlsx(rows(n))
  const ours = await median(() => readSpreadsheet('quarter.xlsx', book))
  const peer = await median(async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(book as unknown as ArrayBuffer)
    let cells = 0
    workbook.worksheets[0]!.eachRow((row) => (cells += row.cellCount))
    return cells
  })
  table.push(
    `| .xlsx | ${n} | ${(book.length / 1024).toFixed(0)} KB | ${ours.toFixed(1)} | ${peer.toFixed(1)} |`,
  )

  const csv = csvGbk(rows(n) as Array<Array<string | number>>)
  const oursCsv = await median(() => readSpreadsheet('quarter.csv', csv))
  const peerCsv = await median(async () => parse(iconv.decode(csv, 'gbk')))
  table.push(
    `| .csv (GBK) | ${n} | ${(csv.length / 1024).toFixed(0)} KB | ${oursCsv.toFixed(1)} | ${peerCsv.toFixed(1)} |`,
  )
}

const entry = [
  '',
  `## bench:import, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${machineLine()}. Load average (1 min) ` +
    `${os.loadavg()[0].toFixed(1)}. Median of ${RUNS} runs. Our import is the server's whole path ` +
    'from bytes to preview; the peer is the bare parse of the same bytes.',
  '',
  ...table,
  '',
].join('\n')
console.log(entry)
if (record) await appendMarkdown(path.join(projectRoot, 'docs/benchmarks.md'), entry)
