/**
 * The search island's state: the search (kept in step with the URL, so it can be shared), its outcome
 * and the facet counts. Searches run through site/search/engine.ts, loaded with Pagefind only when a
 * search is made; a search overtaken by a newer one is dropped.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react'

import { site, search as t } from '../../i18n/zh.ts'
import type { FacetCounts, SearchOutcome, SearchResults } from '../../search/engine.ts'
import type { FilterKey } from '../../search/filters.ts'
import { parseSearch, searchString, type SearchQuery } from '../../search/url.ts'

export type Outcome = SearchOutcome | { status: 'error' }

const loadEngine = () => import('../../search/engine.ts')

/** Fetches the index's first file while the reader is still typing. */
export const prepareSearch = () =>
  void loadEngine()
    .then((engine) => engine.prepare())
    .catch(() => {})

const EMPTY: SearchQuery = { q: '', filters: {}, page: 1, full: false }

export function useSearch() {
  // False on the server and while hydrating: the island's first render is the server's plain form.
  const [hydrated, setHydrated] = useState(false)
  const [query, setQuery] = useState<SearchQuery>(EMPTY)
  // What the reader has typed since the last search (null: the box shows the search's own words).
  const [typed, setTyped] = useState<string | null>(null)
  // The last outcome stays on screen while the next search runs, so a toggled chip keeps its place
  // and its focus.
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' })
  const [loading, setLoading] = useState(false)
  const [facets, setFacets] = useState<FacetCounts>({})
  const [counting, setCounting] = useState(false)
  const [moreOpen, setMoreOpen] = useState(false)
  const latest = useRef(0)
  const focusResults = useRef(false)
  const resultsRef = useRef<HTMLHeadingElement>(null)
  const input = typed ?? query.q

  async function run(next: SearchQuery, { focusOnResults = false, allFacets = moreOpen } = {}) {
    // Every facet's counts come from Pagefind, so with the other filters open the search is a full-text one.
    if (allFacets) next = { ...next, full: true }
    const id = ++latest.current
    history.replaceState(history.state, '', `${location.pathname}${searchString(next)}`)
    document.title = `${next.q.trim() ? t.titleFor(next.q.trim()) : t.title} - ${site.name}`
    setQuery(next)
    setTyped(null)
    setLoading(true)
    focusResults.current = focusOnResults
    try {
      const { runSearch } = await loadEngine()
      const result = await runSearch(next)
      if (id !== latest.current) return
      setOutcome(result)
      setFacets({})
      setLoading(false)
      if (result.status === 'results') void count(result, allFacets, id)
    } catch (error) {
      console.error(error)
      if (id === latest.current) setOutcome({ status: 'error' })
    } finally {
      if (id === latest.current) setLoading(false)
    }
  }

  /** The filter counts, after the results: without them the chips still work, just uncounted. */
  async function count(results: SearchResults, all: boolean, id = latest.current) {
    setCounting(true)
    try {
      // Results first: the counts wait until the results have been painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      const counted = await results.countFacets({ all })
      if (id === latest.current) setFacets(counted)
    } catch (error) {
      console.error(error)
    } finally {
      if (id === latest.current) setCounting(false)
    }
  }

  // The search in the URL, once hydrated. The chosen filters show as removable chips; the other
  // facets wait until asked for, since counting them all fetches every one of Pagefind's filter files.
  // `hydrated` turns true in the same update as the first search's `loading`, so the island never
  // shows itself ready (data-ready) before that search has started.
  const searchFromUrl = useEffectEvent(() => {
    const initial = parseSearch(location.search)
    setHydrated(true)
    if (initial.q.trim() || Object.keys(initial.filters).length) void run(initial)
    // Nothing to search for yet, but a full-text choice (…?full=1) holds for what is typed next.
    else setQuery(initial)
  })
  // eslint-disable-next-line react-hooks/set-state-in-effect -- once, after hydration (see above)
  useEffect(() => searchFromUrl(), [])

  // A new page of results starts reading at its heading (the page does not reload, so nothing else moves focus).
  useEffect(() => {
    if (loading || !focusResults.current || outcome.status !== 'results') return
    focusResults.current = false
    resultsRef.current?.focus()
  }, [outcome, loading])

  const withFilters = (filters: SearchQuery['filters']) =>
    void run({ ...query, q: input, filters, page: 1 })

  return {
    hydrated,
    query,
    input,
    outcome,
    loading,
    facets,
    counting,
    moreOpen,
    resultsRef,
    type: setTyped,
    submit: () => void run({ ...query, q: input, page: 1 }),
    setFilter: (key: FilterKey, value: string | undefined) => {
      const filters = { ...query.filters, [key]: value }
      if (!value) delete filters[key]
      withFilters(filters)
    },
    clearFilters: () => withFilters({}),
    searchFor: (q: string) => void run({ ...query, q, filters: {}, page: 1 }),
    goToPage: (page: number) => void run({ ...query, page }, { focusOnResults: true }),
    searchFullText: () => void run({ ...query, page: 1, full: true }, { focusOnResults: true }),
    toggleMore: (open: boolean) => {
      // <details> also reports toggles that React's own rendering of `open` makes.
      if (open === moreOpen) return
      setMoreOpen(open)
      if (open && outcome.status === 'results') {
        if (outcome.scope === 'titles')
          void run({ ...query, page: outcome.page }, { allFacets: true })
        else void count(outcome, true)
      }
    },
  }
}

export type Search = ReturnType<typeof useSearch>
