/**
 * The search index of a built site: Pagefind over the item pages (those Base.astro marks with
 * data-pagefind-body), written to <outDir>/pagefind/, then the bigram index (site/search/bigramIndex.ts)
 * made from Pagefind's own page records, so both know a page by the same id.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import * as pagefind from 'pagefind'

import { buildBigramIndex, BIGRAM_DIR, type IndexedDoc } from '../search/bigramIndex.ts'

export const SEARCH_BUNDLE = 'pagefind'

type Fragment = { url: string; meta: Record<string, string>; filters: Record<string, string[]> }

const SIGNATURE = 'pagefind_dcd'

/** A Pagefind file (gzip, then a signature) as text. */
export function readPagefindFile(file: string): string {
  const raw = gunzipSync(readFileSync(file))
  return raw.subarray(SIGNATURE.length).toString('utf8')
}

export async function indexSite(
  outDir: string,
  log: (line: string) => void = console.log,
): Promise<{ pages: number }> {
  const started = Date.now()
  const bundle = path.join(outDir, SEARCH_BUNDLE)
  rmSync(bundle, { recursive: true, force: true })
  try {
    const { index, errors } = await pagefind.createIndex({})
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
    const added = await index.addDirectory({ path: outDir })
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: bundle })
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
  } finally {
    await pagefind.close()
  }

  // One fragment per page (named by the page's id) holds its URL, metadata and filters.
  const fragmentDir = path.join(bundle, 'fragment')
  const docs: IndexedDoc[] = []
  for (const name of readdirSync(fragmentDir)) {
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
  const bigramDir = path.join(bundle, BIGRAM_DIR)
  mkdirSync(bigramDir, { recursive: true })
  const build =
    readdirSync(bundle)
      .find((name) => name.endsWith('.pf_meta'))
      ?.replace(/^pagefind\.|\.pf_meta$/g, '') ?? String(started)
  for (const [file, text] of buildBigramIndex(docs, build))
    writeFileSync(path.join(bigramDir, file), text)

  log(
    `Search index: ${docs.length} pages in ${((Date.now() - started) / 1000).toFixed(1)}s → ${path.relative(process.cwd(), bundle)}/`,
  )
  return { pages: docs.length }
}
