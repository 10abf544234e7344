/**
 * The search index of a built site, kept up to date with the pages: Pagefind over the item pages
 * (those Base.astro marks with data-pagefind-body), and the bigram index (site/search/bigramIndex.ts)
 * of their titles, summaries and names.
 *
 * Pages are split into buckets by a hash of their address, each bucket a Pagefind index of its own
 * under <outDir>/pagefind/b<i>/ (the search page merges them, pagefind/buckets.json lists them). After
 * a build only the buckets holding pages that were rendered again or removed are indexed again, and
 * only their pages are read; the others are left as they are. The bigram index is made from every
 * bucket's page records and writes only the files that changed. What each bucket holds is kept
 * between builds in the build's cache folder.
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
/** Pages per Pagefind bucket aimed at: small enough to index again in a second or two. */
const PAGES_PER_BUCKET = 2500

type Fragment = { url: string; meta: Record<string, string>; filters: Record<string, string[]> }

type SearchState = {
  buckets: number
  /** Indexed page files (relative to the output folder), bucket by bucket. */
  pages: string[][]
  docs: IndexedDoc[][]
  numbering?: BigramNumbering
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

/** One bucket's Pagefind index, written afresh from its pages; returns its page records. */
async function indexBucket(outDir: string, bucket: string, pages: string[]): Promise<IndexedDoc[]> {
  const dir = path.join(outDir, SEARCH_BUNDLE, bucket)
  rmSync(dir, { recursive: true, force: true })
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
  const docs: IndexedDoc[] = []
  const fragmentDir = path.join(dir, 'fragment')
  for (const name of existsSync(fragmentDir) ? readdirSync(fragmentDir).sort() : []) {
    const parsed = JSON.parse(readPagefindFile(path.join(fragmentDir, name)))
    // Pagefind may bundle many fragments into one group file ({ id: fragment }) on large sites.
    const entries: [string, Fragment][] =
      'url' in parsed ? [[name.replace(/\.pf_fragment$/, ''), parsed]] : Object.entries(parsed)
    for (const [id, fragment] of entries) {
      docs.push({
        id,
        url: fragment.url,
        title: fragment.meta.title ?? '',
        summary: fragment.meta.summary ?? '',
        date: fragment.meta.date ?? '',
        filters: fragment.filters,
      })
    }
  }
  return docs.sort((a, b) => a.url.localeCompare(b.url))
}

/** Writes `text` to `file` unless it holds it already (unchanged files keep their date). */
function writeIfChanged(file: string, text: string) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false
  writeFileSync(file, text)
  return true
}

export type PageChanges = { rendered: string[]; removed: string[] }

/**
 * Brings the search index of `outDir` up to date. `changes` lists the files this build rendered
 * and removed; without it (or without a kept state) every page is indexed.
 */
export async function indexSite(
  outDir: string,
  stateDir: string,
  changes: PageChanges | null,
  log: (line: string) => void = console.log,
): Promise<{ pages: number; buckets: number; indexed: number }> {
  const started = Date.now()
  const stateFile = path.join(stateDir, 'search-state.json')
  const bundle = path.join(outDir, SEARCH_BUNDLE)
  let state: SearchState | null =
    changes && existsSync(stateFile) && existsSync(path.join(bundle, 'buckets.json'))
      ? JSON.parse(readFileSync(stateFile, 'utf8'))
      : null

  // Which pages are indexed: those of the last build, updated by what this build touched.
  let indexed: Set<string>
  const dirty = new Set<number>()
  if (state && changes) {
    indexed = new Set(state.pages.flat())
    for (const file of [...changes.rendered, ...changes.removed]) {
      if (!file.endsWith('.html')) continue
      const was = indexed.has(file)
      const html = existsSync(path.join(outDir, file))
        ? readFileSync(path.join(outDir, file), 'utf8')
        : ''
      if (isIndexed(html)) indexed.add(file)
      else indexed.delete(file)
      if (was || indexed.has(file)) dirty.add(bucketOf(file, state.buckets))
    }
  } else {
    indexed = new Set(
      htmlPages(outDir).filter((file) => isIndexed(readFileSync(path.join(outDir, file), 'utf8'))),
    )
  }
  // Powers of two, so growing the site changes the split rarely (and then indexes everything).
  const buckets = 2 ** Math.ceil(Math.log2(Math.max(1, indexed.size / PAGES_PER_BUCKET)))
  if (!state || state.buckets !== buckets) {
    rmSync(bundle, { recursive: true, force: true })
    state = {
      buckets,
      pages: Array.from({ length: buckets }, () => []),
      docs: Array.from({ length: buckets }, () => []),
      numbering: state?.numbering,
    }
    for (let b = 0; b < buckets; b++) dirty.add(b)
  }
  const pages: string[][] = Array.from({ length: buckets }, () => [])
  for (const file of [...indexed].sort()) pages[bucketOf(file, buckets)].push(file)

  try {
    for (const b of [...dirty].sort((x, y) => x - y)) {
      state.docs[b] = await indexBucket(outDir, `b${b}`, pages[b])
    }
  } finally {
    await pagefind.close()
  }
  state.pages = pages

  const docs = state.docs.flat()
  // The build name changes whenever an index did, so browsers fetch the new files.
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
  writeIfChanged(
    path.join(bundle, 'buckets.json'),
    JSON.stringify({ build, buckets: Array.from({ length: buckets }, (_, b) => `b${b}`) }),
  )
  mkdirSync(stateDir, { recursive: true })
  writeFileSync(stateFile, JSON.stringify(state))

  log(
    `Search index: ${docs.length} pages in ${buckets} bucket(s), ${dirty.size} indexed again, ` +
      `${written} bigram files written, in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  )
  return { pages: docs.length, buckets, indexed: dirty.size }
}
