/**
 * The search page's engine, loaded by the island only when a search is made. A query goes first to the
 * bigram index of titles and summaries (site/search/bigramIndex.ts), which costs a few kilobytes; when
 * that fills a page of results, they are the answer ("titles" scope), and the reader can ask for the
 * full text. Otherwise, and for the full text, filters other than type and every facet's counts, the
 * query goes to Pagefind (its JavaScript, WebAssembly and index, fetched on first use) and, where
 * Pagefind's word segmentation is likely to have missed, to the bigram index as well; both are merged
 * into one ranked, filtered, paged list ("full" scope).
 */
import { search as t } from '../i18n/zh.ts'
import { openBigramIndex, TAG_KEYS, type BigramHit, type Filters } from './bigramIndex.ts'
import type { BucketListing } from '../cli/searchIndex.ts'
import { FILTER_KEYS, TYPES, type FilterKey } from './filters.ts'
import { escapeHtml, grams, isHan, markMatches, normalizeText, words } from './text.ts'
import type { SearchQuery } from './url.ts'

const PAGE_SIZE = 10
const BUNDLE = '/pagefind/'
/** How much a bigram match weighs against Pagefind's own score (both scaled to 0…1 first). */
const BIGRAM_WEIGHT = 1.5
/** Below this many Pagefind results the bigram index is asked too. */
const FEW_RESULTS = 5

// The parts of Pagefind's browser API used here (pagefind.js has no types of its own).
type PagefindData = {
  url: string
  content: string
  excerpt: string
  meta: Record<string, string>
  filters: Record<string, string[]>
}
type PagefindResult = { id: string; score: number; data: () => Promise<PagefindData> }
type PagefindFilterValue = string | { any: string[] }
type PagefindResponse = {
  results: PagefindResult[]
  filters: Record<string, Record<string, number>>
}
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>
  search: (
    term: string | null,
    options?: { filters?: Record<string, PagefindFilterValue> },
  ) => Promise<PagefindResponse>
  filters: () => Promise<Record<string, Record<string, number>>>
  mergeIndex: (url: string) => Promise<void>
}

/**
 * A response without the entries that buckets.json lists as superseded (a page's out-of-date entry
 * in its base bucket, while its current one is in the recent bucket, or a removed page's): they
 * leave the results and the filter counts.
 */
function withoutSuperseded(
  response: PagefindResponse,
  superseded: BucketListing['superseded'],
): PagefindResponse {
  const gone = response.results.filter((result) => result.id in superseded)
  if (gone.length === 0) return response
  const filters = structuredClone(response.filters)
  for (const { id } of gone)
    for (const [key, values] of Object.entries(superseded[id]))
      for (const value of values) if (filters[key]?.[value]) filters[key][value] -= 1
  return { results: response.results.filter((result) => !(result.id in superseded)), filters }
}

let pagefind: Promise<Pagefind> | undefined
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // The index is split into buckets (site/cli/searchIndex.ts): the first one's script searches
    // them all once the others are merged in.
    const listing = await fetch(`${BUNDLE}buckets.json`)
    if (!listing.ok) throw new Error(`${listing.status} ${BUNDLE}buckets.json`)
    const { buckets, superseded = {} } = (await listing.json()) as BucketListing
    const url = `${BUNDLE}${buckets[0]}/pagefind.js`
    const module = (await import(/* @vite-ignore */ url)) as Pagefind
    // The main thread is fast enough for this index; a worker would cost another download (12 KB gzipped).
    await module.options({ noWorker: true, excerptLength: 40 })
    // All at once: on a slow network, one bucket after another would cost two round trips each.
    await Promise.all(buckets.slice(1).map((bucket) => module.mergeIndex(`${BUNDLE}${bucket}/`)))
    return {
      ...module,
      search: async (term, options) =>
        withoutSuperseded(await module.search(term, options), superseded),
    } satisfies Pagefind
  })().catch((error) => {
    pagefind = undefined
    throw error
  })
  return pagefind
}

let bigram: ReturnType<typeof openBigramIndex> | undefined
const getBigram = () => (bigram ??= openBigramIndex(BUNDLE))
/** Fetches the bigram index's manifest ahead of a search (while the reader types). */
export const prepare = () => getBigram().ready()

/** All filter values Pagefind knows, once loaded (needed to count every facet, not just type). */
let allFiltersLoaded: Promise<unknown> | undefined

export type ResultItem = {
  id: string
  url: string
  /** HTML: the title with query words marked. */
  title: string
  /** HTML: a passage around the first match, query words marked. */
  excerpt: string
  type: string
  community: string
  date: string
  via: 'pagefind' | 'bigram' | 'both'
}

export type FacetCounts = Partial<Record<FilterKey, { value: string; count: number }[]>>

export type SearchResults = {
  status: 'results'
  query: string
  total: number
  page: number
  pages: number
  pageSize: number
  items: ResultItem[]
  /** titles: answered by the bigram index of titles and summaries alone; full: Pagefind's full text too. */
  scope: 'titles' | 'full'
  /** Whether the bigram index took part (always, in the titles scope). */
  usedBigram: boolean
  /**
   * The filter counts, fetched after the results are on screen. In the full scope they need Pagefind's
   * filter files (22 KB for the type filter alone on a 10,000-page site), which the results themselves
   * do not; in the titles scope only the type counts exist, taken from the bigram match.
   */
  countFacets: (options: { all: boolean }) => Promise<FacetCounts>
}

export type SearchOutcome = { status: 'idle' } | { status: 'punctuation' } | SearchResults

/** Pagefind's segmentation of a query, as pagefind.js does it in the browser. */
function segments(query: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return words(query)
  return [...new Intl.Segmenter('zh-cn', { granularity: 'word' }).segment(query)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
}

/**
 * Where Pagefind is likely to miss or rank badly, so the bigram index is asked as well: few results; a
 * Chinese word the browser cut into single characters (自治|金, 听|证: Pagefind then matches any word
 * starting with 金 or 听); Latin or digits joined by signs (8+3) or mixed with Chinese.
 */
export function needsBigram(query: string, pagefindCount: number): boolean {
  if (pagefindCount < FEW_RESULTS) return true
  const han = words(query).filter(isHan)
  if (
    han.some((w) => [...w].length >= 2) &&
    segments(query).some((s) => isHan(s) && [...s].length === 1)
  )
    return true
  const other = words(query).filter((w) => !isHan(w))
  return other.some((w) => /[+\-.#]/.test(w)) || (other.length > 0 && han.length > 0)
}

const pagefindFilters = (
  filters: Partial<Record<FilterKey, string>>,
  { except, countTypes = false }: { except?: FilterKey; countTypes?: boolean } = {},
) => {
  const out: Record<string, PagefindFilterValue> = {}
  for (const [key, value] of Object.entries(filters)) if (key !== except && value) out[key] = value
  // Asking for "any type" restricts nothing (every page has one) but makes Pagefind load and count types.
  if (countTypes) out.type ??= { any: TYPES }
  return out
}

const matches = (
  record: Filters,
  filters: Partial<Record<FilterKey, string>>,
  except?: FilterKey,
) =>
  Object.entries(filters).every(
    ([key, value]) => key === except || !value || (record[key as FilterKey] ?? []).includes(value),
  )

/**
 * Up to `length` characters of `text` around the first query match, marked; null when nothing matches.
 * A page's text starts with its title, already shown above the excerpt, so that is skipped.
 */
export function excerptAround(text: string, query: string, title = '', length = 80): string | null {
  let plain = text
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (title && plain.startsWith(title)) plain = plain.slice(title.length).replace(/^[.。\s]+/, '')
  const normalized = normalizeText(plain)
  if (normalized.length !== plain.length) return null
  const needles = words(query).flatMap((w) =>
    isHan(w) && [...w].length > 2 ? [w, ...grams(w)] : [w],
  )
  const positions = needles.map((n) => normalized.indexOf(n)).filter((i) => i >= 0)
  if (positions.length === 0) return null
  const start = Math.max(0, Math.min(...positions) - Math.floor(length / 4))
  const slice = plain.slice(start, start + length)
  return `${start > 0 ? '…' : ''}${markMatches(slice, query)}${start + length < plain.length ? '…' : ''}`
}

const sortFacet = (key: FilterKey, counts: Map<string, number>, selected?: string) => {
  // Types keep their five chips, counted or not, so the row does not change shape between searches.
  if (key === 'type') for (const type of TYPES) if (!counts.has(type)) counts.set(type, 0)
  return [...counts]
    .filter(([value, count]) => count > 0 || key === 'type' || selected === value)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) =>
      key === 'type'
        ? TYPES.indexOf(a.value) - TYPES.indexOf(b.value)
        : key === 'year'
          ? Number(b.value) - Number(a.value)
          : b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'),
    )
}

const warnAndReturn =
  <T>(value: T) =>
  (error: unknown): T => {
    console.warn('Bigram index unavailable:', error)
    return value
  }

const clampPage = (page: number, total: number) => {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return { pages, page: Math.min(Math.max(1, page), pages) }
}

/** For a page found by its place or taxonomy names (a catalogue entry with no summary): the names that match. */
const matchingTags = (hit: BigramHit, term: string) =>
  TAG_KEYS.flatMap((key) =>
    (hit.filters[key] ?? [])
      .filter((value) => words(term).some((word) => normalizeText(value).includes(word)))
      .map((value) => `${t.filters[key]}：${markMatches(value, term)}`),
  ).join('；')

const bigramItem = (hit: BigramHit, term: string, via: ResultItem['via']): ResultItem => ({
  id: hit.id,
  url: hit.url,
  title: markMatches(hit.title, term),
  excerpt:
    (term && hit.summary && excerptAround(hit.summary, term)) ||
    (term && matchingTags(hit, term)) ||
    escapeHtml(hit.summary.slice(0, 80)),
  type: hit.filters.type?.[0] ?? '',
  community: hit.filters.community?.[0] ?? '',
  date: hit.date,
  via,
})

/**
 * The titles scope: the bigram index alone, when it fills at least a page. Only a type filter can be
 * applied without Pagefind (the index numbers its pages by type); null when Pagefind is needed.
 */
async function searchTitles(term: string, state: SearchQuery): Promise<SearchResults | null> {
  const { type, ...others } = state.filters
  if (state.full || Object.values(others).some(Boolean)) return null
  const index = getBigram()
  const match = await index.match(term, { type })
  // Decided on all types, so a type chip's count is what choosing it shows.
  if (Object.values(match.types).reduce((sum, n) => sum + n, 0) < PAGE_SIZE) return null
  const { page, pages } = clampPage(state.page, match.ranked.length)
  const hits = await index.hits(term, match.ranked, page * PAGE_SIZE)
  return {
    status: 'results',
    query: state.q.trim(),
    total: match.ranked.length,
    page,
    pages,
    pageSize: PAGE_SIZE,
    items: hits.slice((page - 1) * PAGE_SIZE).map((hit) => bigramItem(hit, term, 'bigram')),
    scope: 'titles',
    usedBigram: true,
    countFacets: async ({ all }) => {
      if (all) throw new Error('Counting every facet needs the full-text search')
      return { type: sortFacet('type', new Map(Object.entries(match.types)), type) }
    },
  }
}

export async function runSearch(state: SearchQuery): Promise<SearchOutcome> {
  const query = normalizeText(state.q)
  const filters = state.filters
  const hasFilters = Object.values(filters).some(Boolean)
  if (!words(query).length && state.q.trim() && !hasFilters) return { status: 'punctuation' }
  if (!words(query).length && !hasFilters) return { status: 'idle' }
  const term = words(query).length ? query : null

  // The bigram index is a shortcut and a helper; if its files cannot be had, Pagefind answers alone.
  const titles = term ? await searchTitles(term, state).catch(warnAndReturn(null)) : null
  if (titles) return titles

  const pf = await loadPagefind()
  const main = await pf.search(term, { filters: pagefindFilters(filters) })

  const usedBigram = term !== null && needsBigram(term, main.results.length)
  // Filters are applied after the bigram index's records are fetched, so a filtered search asks for more.
  const limit = (main.results.length < FEW_RESULTS ? 20 : 12) * (hasFilters ? 2 : 1)
  const bigramHits: BigramHit[] = usedBigram
    ? await getBigram().search(term, limit).catch(warnAndReturn([]))
    : []

  // One ranked list: Pagefind's score and the bigram index's, each scaled to the best of its kind.
  const best = Math.max(0, ...main.results.map((r) => r.score)) || 1
  const ranked = new Map<
    string,
    { id: string; score: number; pf?: PagefindResult; bigram?: BigramHit }
  >()
  for (const result of main.results)
    ranked.set(result.id, { id: result.id, score: result.score / best, pf: result })
  for (const hit of bigramHits) {
    if (!matches(hit.filters, filters)) continue
    const entry = ranked.get(hit.id) ?? { id: hit.id, score: 0 }
    entry.score += (BIGRAM_WEIGHT * hit.score) / 3
    entry.bigram = hit
    ranked.set(hit.id, entry)
  }
  const list = [...ranked.values()].sort((a, b) => b.score - a.score)

  // Counts per facet: each counted with the other facets' choices applied, so a chosen chip's
  // neighbours still show what choosing them instead would give.
  async function countFacets({ all }: { all: boolean }): Promise<FacetCounts> {
    if (all) await (allFiltersLoaded ??= pf.filters())
    const facets: FacetCounts = {}
    for (const key of all ? FILTER_KEYS : (['type'] as FilterKey[])) {
      const response = await pf.search(term, {
        filters: pagefindFilters(filters, { except: key, countTypes: true }),
      })
      const counts = new Map(Object.entries(response.filters[key] ?? {}))
      const inPagefind = new Set(response.results.map((r) => r.id))
      for (const hit of bigramHits) {
        if (inPagefind.has(hit.id) || !matches(hit.filters, filters, key)) continue
        for (const value of hit.filters[key] ?? []) counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      facets[key] = sortFacet(key, counts, filters[key])
    }
    return facets
  }

  const { page, pages } = clampPage(state.page, list.length)
  const items = await Promise.all(
    list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(async (entry): Promise<ResultItem> => {
      const via = entry.pf && entry.bigram ? 'both' : entry.pf ? 'pagefind' : 'bigram'
      if (!entry.pf) return bigramItem(entry.bigram!, term ?? '', via)
      const data = await entry.pf.data()
      const title = data.meta.title ?? ''
      return {
        id: entry.id,
        url: data.url,
        title: term ? markMatches(title, term) : escapeHtml(title),
        excerpt: (term && excerptAround(data.content, term, title)) || data.excerpt,
        type: data.meta.type ?? data.filters.type?.[0] ?? '',
        community: data.meta.community ?? '',
        date: data.meta.date ?? '',
        via,
      }
    }),
  )
  return {
    status: 'results',
    query: state.q.trim(),
    total: list.length,
    page,
    pages,
    pageSize: PAGE_SIZE,
    items,
    scope: 'full',
    usedBigram,
    countFacets,
  }
}
