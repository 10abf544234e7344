/**
 * The search index of a built site, kept up to date with the pages: Pagefind over the item pages
 * (those Base.astro marks with data-pagefind-body), and the bigram index (site/search/bigramIndex.ts)
 * of their titles, summaries and names.
 *
 * Pagefind indexes about 150 pages a second on this machine, so a publish must not index again
 * more than a handful. The index is made of:
 * - base buckets: pages split by a hash of their address, each bucket a Pagefind index of its own
 *   under <outDir>/pagefind/b<i>/, indexed in full by the first build and then left alone;
 * - the recent bucket (pagefind/recent/): every page added or changed since its base bucket was
 *   indexed, indexed again by each build that touches a page. The out-of-date entries those pages
 *   (and removed ones) still have in their base buckets are listed in buckets.json as superseded,
 *   with their filters, and the search page leaves them out of results and counts.
 * When the recent bucket and the superseded entries grow past SEARCH_RECENT_LIMIT pages, the base
 * buckets holding most of them are indexed again (one or two per build), which empties them from
 * the recent bucket: a publish costs the recent bucket, and now and then one base bucket.
 * The search page merges every bucket (pagefind/buckets.json lists them). The bigram index is made
 * from the current page records of all buckets and writes only the files that changed. What each
 * bucket holds is kept between builds in the build's cache folder.
 *
 * A bucket's page records (address, title, summary, filters) are read from its fresh Pagefind
 * fragments, because the bigram index must know each page by Pagefind's own id to merge the two
 * indexes' hits without duplicates, and Pagefind's API does not hand its ids out.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import * as pagefind from 'pagefind'

import {
  buildBigramIndex,
  BIGRAM_DIR,
  type BigramNumbering,
  type IndexedDoc,
} from '../search/bigramIndex.ts'
import { hashString } from '../search/text.ts'

export const SEARCH_BUNDLE = 'pagefind'
/** Pages per base bucket aimed at (the search page fetches a little of every bucket). */
const PAGES_PER_BUCKET = 2500

type Fragment = { url: string; meta: Record<string, string>; filters: Record<string, string[]> }

type SearchState = {
  buckets: number
  /** The page files (relative to the output folder) each base bucket was indexed from. */
  pages: string[][]
  docs: IndexedDoc[][]
  /** Pages in the recent bucket: added or changed since their base bucket was indexed. */
  recent: string[]
  recentDocs: IndexedDoc[]
  /** Pages whose entry in their base bucket is out of date: changed, or no longer indexed. */
  stale: string[]
  numbering?: BigramNumbering
}

/** What the search page reads first (pagefind/buckets.json). */
export type BucketListing = {
  build: string
  buckets: string[]
  /** Base-bucket entries to leave out, by Pagefind id, with their filters (to take off the counts). */
  superseded: Record<string, IndexedDoc['filters']>
}

const RECENT_BUCKET = 'recent'
/** Pages the recent bucket and the superseded entries may reach before base buckets are redone. */
const RECENT_LIMIT = Number(process.env.SEARCH_RECENT_LIMIT) || 200

export type IndexOptions = {
  log?: (line: string) => void
  pagesPerBucket?: number
  recentLimit?: number
}

const SIGNATURE = 'pagefind_dcd'

/** A Pagefind file (gzip, then a signature) as text. */
export function readPagefindFile(file: string): string {
  const raw = gunzipSync(readFileSync(file))
  return raw.subarray(SIGNATURE.length).toString('utf8')
}

const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`
const bucketOf = (file: string, buckets: number) => hashString(urlOf(file)) % buckets
const isIndexed = (html: string) => html.includes('data-pagefind-body')

/** Every HTML page of the output folder, the search bundle itself left out. */
function htmlPages(outDir: string, rel = ''): string[] {
  return readdirSync(path.join(outDir, rel), { withFileTypes: true }).flatMap((entry) => {
    const file = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) return file === SEARCH_BUNDLE ? [] : htmlPages(outDir, file)
    return entry.name.endsWith('.html') ? [file] : []
  })
}

/** Every page fragment of a bucket's Pagefind index (`dir`), by Pagefind id. */
export function bucketFragments<F extends Fragment>(dir: string): [id: string, fragment: F][] {
  const fragmentDir = path.join(dir, 'fragment')
  return (existsSync(fragmentDir) ? readdirSync(fragmentDir).sort() : []).flatMap((name) => {
    const parsed = JSON.parse(readPagefindFile(path.join(fragmentDir, name)))
    // Pagefind may bundle many fragments into one group file ({ id: fragment }) on large sites.
    return 'url' in parsed
      ? [[name.replace(/\.pf_fragment$/, ''), parsed as F]]
      : (Object.entries(parsed) as [string, F][])
  })
}

/** One bucket's Pagefind index, written afresh from its pages; returns its page records. */
async function indexBucket(outDir: string, bucket: string, pages: string[]): Promise<IndexedDoc[]> {
  const dir = path.join(outDir, SEARCH_BUNDLE, bucket)
  rmSync(dir, { recursive: true, force: true })
  if (pages.length === 0 && bucket === RECENT_BUCKET) return []
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
  for (const file of pages) {
    const added = await index.addHTMLFile({
      url: urlOf(file),
      content: readFileSync(path.join(outDir, file), 'utf8'),
    })
    if (added.errors.length) throw new Error(`Pagefind (${file}): ${added.errors.join('; ')}`)
  }
  const written = await index.writeFiles({ outputPath: dir })
  if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
  await index.deleteIndex()
  return bucketFragments(dir)
    .map(([id, fragment]) => ({
      id,
      url: fragment.url,
      title: fragment.meta.title ?? '',
      summary: fragment.meta.summary ?? '',
      date: fragment.meta.date ?? '',
      filters: fragment.filters,
    }))
    .sort((a, b) => a.url.localeCompare(b.url))
}

/** Writes `text` to `file` unless it holds it already (unchanged files keep their date). */
function writeIfChanged(file: string, text: string) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false
  writeFileSync(file, text)
  return true
}

export type PageChanges = { rendered: string[]; removed: string[] }

const emptyState = (buckets: number, numbering?: BigramNumbering): SearchState => ({
  buckets,
  pages: Array.from({ length: buckets }, () => []),
  docs: Array.from({ length: buckets }, () => []),
  recent: [],
  recentDocs: [],
  stale: [],
  numbering,
})

/**
 * Brings the search index of `outDir` up to date. `changes` lists the files this build rendered
 * and removed; without it (or without a kept state) every page is indexed.
 */
export async function indexSite(
  outDir: string,
  stateDir: string,
  changes: PageChanges | null,
  {
    log = console.log,
    pagesPerBucket = PAGES_PER_BUCKET,
    recentLimit = RECENT_LIMIT,
  }: IndexOptions = {},
): Promise<{
  pages: number
  buckets: number
  indexed: number
  recent: number
  superseded: number
}> {
  const started = Date.now()
  const stateFile = path.join(stateDir, 'search-state.json')
  const bundle = path.join(outDir, SEARCH_BUNDLE)
  const kept: SearchState | null =
    changes && existsSync(stateFile) && existsSync(path.join(bundle, 'buckets.json'))
      ? { recent: [], recentDocs: [], stale: [], ...JSON.parse(readFileSync(stateFile, 'utf8')) }
      : null

  // Which pages are indexed now: those of the last build, updated by what this build touched.
  let live: Set<string>
  const touched = new Set<string>()
  if (kept && changes) {
    const stale = new Set(kept.stale)
    live = new Set([...kept.pages.flat().filter((file) => !stale.has(file)), ...kept.recent])
    for (const file of [...changes.rendered, ...changes.removed]) {
      if (!file.endsWith('.html')) continue
      const was = live.has(file)
      const html = existsSync(path.join(outDir, file))
        ? readFileSync(path.join(outDir, file), 'utf8')
        : ''
      if (isIndexed(html)) live.add(file)
      else live.delete(file)
      if (was || live.has(file)) touched.add(file)
    }
  } else {
    live = new Set(
      htmlPages(outDir).filter((file) => isIndexed(readFileSync(path.join(outDir, file), 'utf8'))),
    )
  }
  // Powers of two, so growing the site changes the split rarely (and then indexes everything).
  const buckets = 2 ** Math.ceil(Math.log2(Math.max(1, live.size / pagesPerBucket)))
  const redo = new Set<number>()
  let state: SearchState
  if (kept && kept.buckets === buckets) {
    state = kept
    const inBase = new Set(state.pages.flat())
    const stale = new Set([...state.stale, ...[...touched].filter((file) => inBase.has(file))])
    const recent = new Set([...state.recent, ...touched].filter((file) => live.has(file)))
    // Past the limit, the base buckets holding most of what is recent or superseded are redone.
    const pending = new Set([...stale, ...recent])
    const behind = new Map<number, number>()
    for (const file of pending) {
      const b = bucketOf(file, buckets)
      behind.set(b, (behind.get(b) ?? 0) + 1)
    }
    let left = pending.size
    for (const [b, count] of [...behind].sort((x, y) => y[1] - x[1] || x[0] - y[0])) {
      if (left <= (recentLimit * 3) / 4 || (left <= recentLimit && redo.size === 0)) break
      redo.add(b)
      left -= count
    }
    state.stale = [...stale].filter((file) => !redo.has(bucketOf(file, buckets))).sort()
    state.recent = [...recent].filter((file) => !redo.has(bucketOf(file, buckets))).sort()
  } else {
    rmSync(bundle, { recursive: true, force: true })
    state = emptyState(buckets, kept?.numbering)
    for (let b = 0; b < buckets; b++) redo.add(b)
  }
  const recentChanged = touched.size > 0 || redo.size > 0

  try {
    for (const b of redo) state.pages[b] = []
    for (const file of [...live].sort()) {
      const b = bucketOf(file, buckets)
      if (redo.has(b)) state.pages[b].push(file)
    }
    for (const b of [...redo].sort((x, y) => x - y))
      state.docs[b] = await indexBucket(outDir, `b${b}`, state.pages[b])
    if (recentChanged) {
      state.recentDocs = await indexBucket(outDir, RECENT_BUCKET, state.recent)
      // A page rendered again with the same indexed text (a community home whose lists changed)
      // gets the same Pagefind id as its base entry, which is then still current: it leaves the
      // recent bucket, or the search page would have it twice.
      const baseIds = new Set(state.docs.flat().map((doc) => `${doc.url} ${doc.id}`))
      const twins = new Set(
        state.recentDocs.filter((doc) => baseIds.has(`${doc.url} ${doc.id}`)).map((doc) => doc.url),
      )
      if (twins.size) {
        state.recent = state.recent.filter((file) => !twins.has(urlOf(file)))
        state.stale = state.stale.filter((file) => !twins.has(urlOf(file)))
        state.recentDocs = await indexBucket(outDir, RECENT_BUCKET, state.recent)
      }
    }
  } finally {
    await pagefind.close()
  }

  const staleUrls = new Set(state.stale.map(urlOf))
  const superseded: BucketListing['superseded'] = {}
  const docs = [...state.recentDocs]
  for (const doc of state.docs.flat()) {
    if (staleUrls.has(doc.url)) superseded[doc.id] = doc.filters
    else docs.push(doc)
  }
  docs.sort((a, b) => a.url.localeCompare(b.url))
  // The build name changes whenever a page entry did, so browsers fetch the new bigram files.
  const build = createHash('sha1')
    .update(docs.map((doc) => doc.id).join('\n'))
    .digest('hex')
    .slice(0, 12)
  const bigramDir = path.join(bundle, BIGRAM_DIR)
  mkdirSync(bigramDir, { recursive: true })
  const { files, numbering } = buildBigramIndex(docs, build, state.numbering)
  state.numbering = numbering
  let written = 0
  for (const [file, text] of files) if (writeIfChanged(path.join(bigramDir, file), text)) written++
  for (const name of readdirSync(bigramDir))
    if (!files.has(name)) rmSync(path.join(bigramDir, name))
  const listing: BucketListing = {
    build,
    buckets: [
      ...Array.from({ length: buckets }, (_, b) => `b${b}`),
      ...(state.recentDocs.length ? [RECENT_BUCKET] : []),
    ],
    superseded,
  }
  writeIfChanged(path.join(bundle, 'buckets.json'), JSON.stringify(listing))
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(stateFile, JSON.stringify(state))

  log(
    `Search index: ${docs.length} pages in ${buckets} bucket(s) and ${state.recent.length} recent, ` +
      `${redo.size} bucket(s) indexed again, ${Object.keys(superseded).length} superseded, ` +
      `${written} bigram files written, in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  )
  return {
    pages: docs.length,
    buckets,
    indexed: redo.size,
    recent: state.recent.length,
    superseded: Object.keys(superseded).length,
  }
}
