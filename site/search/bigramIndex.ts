/**
 * The bigram index: a small index of each indexed page's title, summary and place and taxonomy names,
 * cut into overlapping pairs of characters, written next to Pagefind's bundle at build time.
 *
 * It has two jobs on the search page. It answers a reader's first query on its own whenever it finds
 * a full page of results: a few kilobytes, where Pagefind's first query costs 150 KB and more on a large
 * site (its JavaScript, its WebAssembly and a page table that grows with the site), which is a lot for a
 * resident on a phone's data plan. And when Pagefind is asked (full-text search, filters other than
 * type), it catches the words Pagefind's segmentation misses (听证 in 听证会, 自治金).
 *
 * Layout (all JSON, under <outDir>/pagefind/bigram/):
 *   manifest.json  { v, docs, live, shards, chunk, build, types }
 *   g<i>.json      { gram: [posting, …] } for the grams whose hash falls in shard i; a posting is
 *                  doc number × 16 + type × 2, plus 1 when the gram is in the title, each stored as
 *                  the difference from the one before (they are sorted), which keeps the numbers short
 *   d<k>.json      [[id, url, title, summary, date, filters] | null, …] for doc numbers
 *                  k·chunk … (k+1)·chunk−1 (null: a page that has left the index)
 * A page keeps its number from build to build and a new page takes the next one, so a publish
 * rewrites only the files of the pages it changed; numbers freed by removed pages are reclaimed by
 * renumbering once they are a quarter of all. The type sits in every posting, so a query's count
 * per type comes from its postings alone. It is split so that a query fetches only the shards of its
 * own grams and the records of the results it shows: on a 10,000-page site the whole index is
 * megabytes, one query's share a few kilobytes. Document ids are Pagefind's page ids, so hits of
 * both merge without duplicates.
 */
import { TYPES, type FilterKey } from './filters.ts'
import { grams, hashString, isHan, normalizeText, words } from './text.ts'

export type Filters = Partial<Record<FilterKey, string[]>>

export type IndexedDoc = {
  /** Pagefind's page id (its result id). */
  id: string
  url: string
  title: string
  summary: string
  date: string
  filters: Filters
}

type DocRow = [
  id: string,
  url: string,
  title: string,
  summary: string,
  date: string,
  filters: Filters,
]
type Manifest = {
  v: 3
  /** Doc numbers in use, removed pages' holes included. */
  docs: number
  /** Pages in the index. */
  live: number
  shards: number
  chunk: number
  build: string
  /** Type names by their number in the postings. */
  types: string[]
}

/** Which page has which number, carried from one build to the next. */
export type BigramNumbering = { slots: (string | null)[]; shards: number }

export const BIGRAM_DIR = 'bigram'
// Small files: a query fetches one shard per pair of characters and one chunk per few results, so what
// it downloads grows with the query, not with the site (about 3 KB a shard, 1 KB a chunk, gzipped).
const POSTINGS_PER_SHARD = 1500
const DOCS_PER_CHUNK = 4
const TITLE_WEIGHT = 2

/** Place and taxonomy names count as text of the page (七宝 finds pages in 七宝镇). */
export const TAG_KEYS: FilterKey[] = ['community', 'street', 'district', 'problem', 'mechanism']

const typeNumber = (doc: IndexedDoc) => {
  const rank = TYPES.indexOf(doc.filters.type?.[0] ?? '')
  return rank < 0 ? TYPES.length : rank
}
const posting = (doc: number, type: number, inTitle: boolean) =>
  doc * 16 + type * 2 + (inTitle ? 1 : 0)

/** Numbers for `docs`: kept from `previous` where the page is still there, new ones at the end. */
function number(docs: IndexedDoc[], previous: BigramNumbering | undefined): BigramNumbering {
  const canonical = () => ({
    slots: [...docs]
      .sort((a, b) => typeNumber(a) - typeNumber(b) || a.url.localeCompare(b.url))
      .map((doc) => doc.id),
    shards: 0,
  })
  if (!previous) return canonical()
  const present = new Set(docs.map((doc) => doc.id))
  const slots = previous.slots.map((id) => (id !== null && present.has(id) ? id : null))
  const kept = new Set(slots.filter((id) => id !== null))
  for (const doc of docs) if (!kept.has(doc.id)) slots.push(doc.id)
  const holes = slots.filter((id) => id === null).length
  if (holes > Math.max(64, slots.length / 4)) return canonical()
  return { slots, shards: previous.shards }
}

/**
 * The index's files, path → JSON text, and the numbering to hand to the next build. `build`
 * distinguishes one build's files from the next.
 */
export function buildBigramIndex(
  docs: IndexedDoc[],
  build: string,
  previous?: BigramNumbering,
): { files: Map<string, string>; numbering: BigramNumbering } {
  const numbering = number(docs, previous)
  const byId = new Map(docs.map((doc) => [doc.id, doc]))
  const postings = new Map<string, number[]>()
  numbering.slots.forEach((id, n) => {
    const doc = id === null ? undefined : byId.get(id)
    if (!doc) return
    const type = typeNumber(doc)
    const inTitle = new Set(grams(doc.title))
    const body = [doc.summary, ...TAG_KEYS.flatMap((key) => doc.filters[key] ?? [])].join(' ')
    for (const gram of new Set([...inTitle, ...grams(body)])) {
      const list = postings.get(gram) ?? []
      list.push(posting(n, type, inTitle.has(gram)))
      postings.set(gram, list)
    }
  })
  const total = [...postings.values()].reduce((sum, list) => sum + list.length, 0)
  // The shard count stays as it was (so unchanged grams keep their files) until the index has
  // grown or shrunk past twice or half what it was made for.
  const wanted = Math.max(1, Math.ceil(total / POSTINGS_PER_SHARD))
  const shards =
    numbering.shards && numbering.shards <= wanted * 2 && numbering.shards * 2 >= wanted
      ? numbering.shards
      : wanted
  numbering.shards = shards
  const files = new Map<string, string>()
  const byShard = Array.from({ length: shards }, () => ({}) as Record<string, number[]>)
  for (const [gram, list] of [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    byShard[hashString(gram) % shards][gram] = list.map((p, i) => (i === 0 ? p : p - list[i - 1]))
  byShard.forEach((shard, i) => files.set(`g${i}.json`, JSON.stringify(shard)))
  for (let k = 0; k * DOCS_PER_CHUNK < numbering.slots.length; k++) {
    const rows = numbering.slots
      .slice(k * DOCS_PER_CHUNK, (k + 1) * DOCS_PER_CHUNK)
      .map((id): DocRow | null => {
        const d = id === null ? undefined : byId.get(id)
        return d ? [d.id, d.url, d.title, d.summary, d.date, d.filters] : null
      })
    files.set(`d${k}.json`, JSON.stringify(rows))
  }
  const manifest: Manifest = {
    v: 3,
    docs: numbering.slots.length,
    live: docs.length,
    shards,
    chunk: DOCS_PER_CHUNK,
    build,
    types: TYPES,
  }
  files.set('manifest.json', JSON.stringify(manifest))
  return { files, numbering }
}

export type BigramHit = IndexedDoc & {
  /** 0…3: how much of the query the title and summary hold (idf-weighted), plus a bonus for whole words. */
  score: number
}

/** A query's matches, best first, before their records are fetched. */
export type BigramMatch = {
  /** Doc numbers and scores, best first, within the type asked for (if any). */
  ranked: { doc: number; score: number }[]
  /** Matches per type, whatever type was asked for. */
  types: Record<string, number>
}

/**
 * How much of a query a page must hold to count: all of a one- or two-pair query (七宝, 群租房),
 * most of a short phrase, a third of a long question (小区停车难怎么协商解决).
 */
const minCoverage = (known: number) => (known <= 2 ? 1 : known <= 4 ? 0.6 : 0.34)

/** Words that make a question a question; in a long query they only add pairs that match nothing useful. */
const QUESTION_WORDS =
  /怎么办|怎么样|怎么|怎样|如何|为什么|什么|哪些|哪里|是否|能否|要不要|有没有|吗|呢|吧/g

/** The pairs a query is looked up by: a long Chinese run (a question) first loses its question words. */
export const queryGrams = (query: string) => [
  ...new Set(
    grams(
      words(query)
        .map((w) => (isHan(w) && [...w].length >= 6 ? w.replace(QUESTION_WORDS, ' ') : w))
        .join(' '),
    ),
  ),
]

/** The search page's side: loads what a query needs, on demand, and remembers it for the next query. */
export function openBigramIndex(
  baseUrl: string,
  fetchJson: (url: string) => Promise<unknown> = defaultFetch,
) {
  let manifest: Promise<Manifest> | undefined
  const shards = new Map<number, Promise<Record<string, number[]>>>()
  const chunks = new Map<number, Promise<DocRow[]>>()
  const url = (file: string, build?: string) =>
    `${baseUrl}${BIGRAM_DIR}/${file}${build ? `?v=${build}` : `?ts=${Date.now()}`}`
  const getManifest = () => {
    manifest ??= (fetchJson(url('manifest.json')) as Promise<Manifest>).catch(
      (error) => ((manifest = undefined), Promise.reject(error)),
    )
    return manifest
  }
  const cached = <T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>) => {
    if (!cache.has(key))
      cache.set(
        key,
        load().catch((error) => (cache.delete(key), Promise.reject(error))),
      )
    return cache.get(key)!
  }

  /** Every page holding enough of the query, ranked, with counts per type. */
  async function match(query: string, { type }: { type?: string } = {}): Promise<BigramMatch> {
    const m = await getManifest()
    const lookup = queryGrams(query)
    const none = { ranked: [], types: {} }
    if (lookup.length === 0) return none
    const shardOf = (gram: string) => hashString(gram) % m.shards
    const loaded = await Promise.all(
      [...new Set(lookup.map(shardOf))].map(
        async (i) =>
          [
            i,
            await cached(
              shards,
              i,
              () => fetchJson(url(`g${i}.json`, m.build)) as Promise<Record<string, number[]>>,
            ),
          ] as const,
      ),
    )
    const shardMap = new Map(loaded)
    const scores = new Map<number, { weighted: number; matched: number; type: number }>()
    let known = 0
    let totalIdf = 0
    for (const gram of lookup) {
      const deltas = shardMap.get(shardOf(gram))?.[gram]
      if (!deltas?.length) continue
      const idf = Math.log(1 + m.live / deltas.length)
      known++
      totalIdf += idf
      let posting = 0
      for (const delta of deltas) {
        posting += delta
        const doc = Math.floor(posting / 16)
        const entry = scores.get(doc) ?? {
          weighted: 0,
          matched: 0,
          type: Math.floor(posting / 2) % 8,
        }
        entry.weighted += idf * (posting % 2 ? TITLE_WEIGHT : 1)
        entry.matched += idf
        scores.set(doc, entry)
      }
    }
    if (known === 0) return none
    const threshold = minCoverage(known)
    const types: Record<string, number> = {}
    const ranked: BigramMatch['ranked'] = []
    for (const [doc, s] of scores) {
      if (s.matched / totalIdf < threshold - 1e-9) continue
      const docType = m.types[s.type] ?? ''
      types[docType] = (types[docType] ?? 0) + 1
      if (!type || docType === type) ranked.push({ doc, score: s.weighted / totalIdf })
    }
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc)
    return { ranked, types }
  }

  /**
   * The records of a match's best `count` pages, re-ranked with a bonus for the query's words found
   * whole (not just their pairs scattered about), which is the best evidence there is.
   */
  async function hits(
    query: string,
    ranked: BigramMatch['ranked'],
    count: number,
  ): Promise<BigramHit[]> {
    const m = await getManifest()
    const best = ranked.slice(0, count)
    const rows = await Promise.all(
      [...new Set(best.map((c) => Math.floor(c.doc / m.chunk)))].map(
        async (k) =>
          [
            k,
            await cached(
              chunks,
              k,
              () => fetchJson(url(`d${k}.json`, m.build)) as Promise<DocRow[]>,
            ),
          ] as const,
      ),
    )
    const chunkMap = new Map(rows)
    const phrases = words(query).filter((word) => !isHan(word) || [...word].length >= 2)
    return best
      .map(({ doc, score }) => {
        const row = chunkMap.get(Math.floor(doc / m.chunk))?.[doc % m.chunk]
        if (!row) return null
        const [id, pageUrl, title, summary, date, filters] = row
        const inTitle = normalizeText(title)
        const inSummary = normalizeText(summary)
        const bonus = phrases.reduce(
          (sum, word) => sum + (inTitle.includes(word) ? 1 : inSummary.includes(word) ? 0.5 : 0),
          0,
        )
        return {
          id,
          url: pageUrl,
          title,
          summary,
          date,
          filters,
          score: score + Math.min(1, bonus / Math.max(1, phrases.length)),
        }
      })
      .filter((hit): hit is BigramHit => hit !== null)
      .sort((a, b) => b.score - a.score)
  }

  /** Pages holding the query, best first; at most `limit`, since each needs its record fetched. */
  async function search(query: string, limit = 12): Promise<BigramHit[]> {
    return hits(query, (await match(query)).ranked, limit)
  }

  return { match, hits, search, ready: () => getManifest().then(() => undefined) }
}

async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} ${url}`)
  return response.json()
}
