/**
 * `npm run bench:residents`: what the residents' features cost at city scale, measured (never in a
 * pass/fail test): the 找我的居委会 index built from N generated committees (bytes gzipped, build
 * time), and share images drawn cold into an empty cache and then again from the cache, as a first
 * build and a rebuild would. Prints one table; results are kept in docs/benchmarks.md.
 *   node site/bench/residents.ts [images=500]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { buildLookupIndex } from '../lookup/lookupIndex.ts'
import { prepareShareImages, shareFontFile, type ShareCard } from '../share/shareImage.ts'
import { syntheticCommunities } from './syntheticServiceAreas.ts'

const images = Number(process.argv[2] ?? 500)
const rows: string[][] = [['measure', 'N', 'result']]

for (const count of [1_000, 10_000, 100_000]) {
  const communities = syntheticCommunities(count)
  const started = performance.now()
  const json = JSON.stringify(buildLookupIndex(communities))
  const ms = performance.now() - started
  const kb = gzipSync(json).length / 1024
  rows.push([
    'lookup index: gzipped, per 1,000 committees, build time',
    count.toLocaleString('en'),
    `${kb.toFixed(0)} KB, ${((kb * 1000) / count).toFixed(1)} KB, ${(ms / 1000).toFixed(2)} s`,
  ])
}

if (!shareFontFile())
  throw new Error('No Chinese font: install fonts-noto-cjk or set SHARE_FONT_FILE.')
const cards: ShareCard[] = Array.from({ length: images }, (_, i) => ({
  kind: '会议通知',
  title: `关于召开第${i + 1}次居民代表会议讨论非机动车棚充电设施改造方案的通知`,
  community: '示例居委会',
  date: '2026年11月28日（星期六）14:00',
  badge: null,
  site: '居民自治信息网',
}))
const cache = mkdtempSync(path.join(os.tmpdir(), 'bench-share-'))
try {
  for (const pass of ['cold (first build)', 'warm (rebuild)']) {
    const started = performance.now()
    await prepareShareImages(cards, cache)
    const ms = performance.now() - started
    rows.push([
      `share images, ${pass}: per image, images/s (${os.availableParallelism()} at a time)`,
      images.toLocaleString('en'),
      `${(ms / images).toFixed(1)} ms, ${((images * 1000) / ms).toFixed(0)}/s`,
    ])
  }
} finally {
  rmSync(cache, { recursive: true, force: true })
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '))
