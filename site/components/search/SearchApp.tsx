/**
 * The search page's island. Server-rendered, it is a plain GET form (works without JavaScript); in the
 * browser it reads the search from the URL, runs it through site/search/engine.ts (loaded, with
 * Pagefind, only when a search is made) and keeps the URL in step, so a search can be shared.
 */
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'

import { site, search as t } from '../../i18n/zh.ts'
import { formatDate } from '../../../cms/beijingTime.ts'
import { routes } from '../../lib/routes.ts'
import { TYPES, type FilterKey } from '../../search/filters.ts'
import type { FacetCounts, SearchOutcome, SearchResults } from '../../search/engine.ts'
import { parseSearch, searchString, type SearchQuery } from '../../search/url.ts'

type State = SearchOutcome | { status: 'error' }

const MORE_KEYS: FilterKey[] = ['community', 'year', 'problem', 'mechanism', 'district', 'street']
/** Chips shown per facet before "show all": 60 communities would push the results off a phone's screen. */
const CHIPS_SHOWN = 8
const EXAMPLES = ['听证会', '加装电梯', '群租', '自治金', '停车']

const loadEngine = () => import('../../search/engine.ts')

export default function SearchApp() {
  const [query, setQuery] = useState<SearchQuery>({ q: '', filters: {}, page: 1, full: false })
  const [input, setInput] = useState('')
  // The last search's outcome stays on screen while the next one runs, so a chip being toggled keeps
  // its place and its focus.
  const [state, setState] = useState<State>({ status: 'idle' })
  const [loading, setLoading] = useState(false)
  const [facets, setFacets] = useState<FacetCounts>({})
  const [counting, setCounting] = useState(false)
  const [moreOpen, setMoreOpen] = useState(false)
  const [hydrated, setHydrated] = useState(false)
  const latest = useRef(0)
  const focusResults = useRef(false)
  const resultsRef = useRef<HTMLHeadingElement>(null)

  async function run(next: SearchQuery, { focusOnResults = false, allFacets = moreOpen } = {}) {
    // Every facet's counts come from Pagefind, so with the other filters open the search is a full-text one.
    if (allFacets) next = { ...next, full: true }
    const id = ++latest.current
    history.replaceState(history.state, '', `${location.pathname}${searchString(next)}`)
    document.title = `${next.q.trim() ? t.titleFor(next.q.trim()) : t.title} - ${site.name}`
    setQuery(next)
    setLoading(true)
    focusResults.current = focusOnResults
    try {
      const { runSearch } = await loadEngine()
      const outcome = await runSearch(next)
      if (id !== latest.current) return
      setState(outcome)
      setFacets({})
      setLoading(false)
      if (outcome.status === 'results') void count(outcome, allFacets, id)
    } catch (error) {
      console.error(error)
      if (id === latest.current) setState({ status: 'error' })
    } finally {
      if (id === latest.current) setLoading(false)
    }
  }

  /** The filter counts, after the results: without them the chips still work, just uncounted. */
  async function count(outcome: SearchResults, all: boolean, id = latest.current) {
    setCounting(true)
    try {
      // Results first: the counts wait until the results have been painted.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
      const counted = await outcome.countFacets({ all })
      if (id === latest.current) setFacets(counted)
    } catch (error) {
      console.error(error)
    } finally {
      if (id === latest.current) setCounting(false)
    }
  }

  // A new page of results starts reading at its heading (the page does not reload, so nothing else moves focus).
  useEffect(() => {
    if (loading || !focusResults.current || state.status !== 'results') return
    focusResults.current = false
    resultsRef.current?.focus()
  }, [state, loading])

  // The URL is read after hydration, so the first render matches the server's plain form.
  useEffect(() => {
    const initial = parseSearch(location.search)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: once, after hydration
    setInput(initial.q)
    setQuery(initial)
    setHydrated(true)
    // The chosen filters show as removable chips above; the other facets wait until asked for, since
    // counting them all means fetching every one of Pagefind's filter files.
    if (initial.q.trim() || Object.keys(initial.filters).length) void run(initial)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, [])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void run({ ...query, q: input, page: 1 })
  }
  const setFilter = (key: FilterKey, value: string | undefined) => {
    const filters = { ...query.filters, [key]: value }
    if (!value) delete filters[key]
    void run({ ...query, q: input, filters, page: 1 })
  }
  const goToPage = (page: number) => (event: MouseEvent) => {
    event.preventDefault()
    void run({ ...query, page }, { focusOnResults: true })
  }
  const onMoreToggle = (open: boolean) => {
    // <details> also reports toggles that React's own rendering of `open` makes.
    if (open === moreOpen) return
    setMoreOpen(open)
    if (open && state.status === 'results') {
      if (state.scope === 'titles') void run({ ...query, page: state.page }, { allFacets: true })
      else void count(state, true)
    }
  }
  const filterEntries = Object.entries(query.filters).filter(
    (entry): entry is [FilterKey, string] => Boolean(entry[1]),
  )

  return (
    <div
      className="search-app"
      data-state={state.status}
      data-ready={hydrated && !loading && !counting ? '' : undefined}
      aria-busy={loading}
      data-scope={state.status === 'results' ? state.scope : undefined}
      data-bigram={state.status === 'results' && state.usedBigram ? 'used' : undefined}
      data-page={state.status === 'results' ? state.page : undefined}
    >
      <form
        role="search"
        action={routes.search()}
        method="get"
        className="search-form search-main"
        onSubmit={onSubmit}
      >
        <label htmlFor="search-q" className="search-label">
          {t.label}
        </label>
        <div className="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onFocus={() =>
              void loadEngine()
                .then((engine) => engine.prepare())
                .catch(() => {})
            }
            placeholder={t.placeholder}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={100}
          />
          {filterEntries.map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <button type="submit" className="button search-button">
            {t.submit}
          </button>
        </div>
      </form>

      {filterEntries.length > 0 && (
        <div className="search-active">
          <span className="search-active-label">{t.filtered}</span>
          <ul className="chips">
            {filterEntries.map(([key, value]) => (
              <li key={key}>
                <button
                  type="button"
                  className="chip chip-remove"
                  onClick={() => setFilter(key, undefined)}
                  aria-label={t.clearFilter(`${t.filters[key]} ${value}`)}
                >
                  {t.filters[key]}：{value} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
            {filterEntries.length > 1 && (
              <li>
                <button
                  type="button"
                  className="chip chip-remove"
                  onClick={() => void run({ ...query, q: input, filters: {}, page: 1 })}
                >
                  {t.clearAll}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}

      <p
        className={`search-status${state.status === 'punctuation' || state.status === 'error' ? ' callout' : ''}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {loading ? t.loading : statusText(state)}
      </p>

      {state.status === 'idle' && hydrated && !loading && (
        <div className="search-idle">
          <p>{t.intro}</p>
          <p className="search-examples">
            {t.examples}
            {EXAMPLES.map((example) => (
              <a
                key={example}
                href={`${routes.search()}?q=${encodeURIComponent(example)}`}
                onClick={(event) => {
                  event.preventDefault()
                  setInput(example)
                  void run({ ...query, q: example, filters: {}, page: 1 })
                }}
              >
                {example}
              </a>
            ))}
          </p>
        </div>
      )}

      {state.status === 'results' && (
        <>
          <Facets
            facets={facets}
            selected={query.filters}
            moreOpen={moreOpen}
            onMoreToggle={onMoreToggle}
            onSelect={setFilter}
          />
          <h2
            id="search-results-title"
            className="search-results-title"
            tabIndex={-1}
            ref={resultsRef}
          >
            {t.results}
            {state.pages > 1 && (
              <span className="heading-note">{t.page(state.page, state.pages)}</span>
            )}
          </h2>
          {state.total === 0 ? (
            <NoResults
              query={state.query}
              filtered={filterEntries.length > 0}
              onClearFilters={() => void run({ ...query, q: input, filters: {}, page: 1 })}
            />
          ) : (
            <ol
              className="search-results"
              start={(state.page - 1) * state.pageSize + 1}
              aria-labelledby="search-results-title"
            >
              {state.items.map((item) => (
                <li key={item.id} data-via={item.via}>
                  <a
                    className="item-title"
                    href={item.url}
                    dangerouslySetInnerHTML={{ __html: item.title }}
                  />
                  <p className="meta">
                    {item.type && <span className="badge">{item.type}</span>}
                    {item.community && <span>{item.community}</span>}
                    {item.date && <time dateTime={item.date}>{formatDate(item.date)}</time>}
                  </p>
                  {item.excerpt && (
                    <p
                      className="search-excerpt"
                      dangerouslySetInnerHTML={{ __html: item.excerpt }}
                    />
                  )}
                </li>
              ))}
            </ol>
          )}
          {state.scope === 'titles' && (
            <p className="search-scope">
              {t.titlesOnly}
              <a
                href={`${routes.search()}${searchString({ ...query, page: 1, full: true })}`}
                onClick={(event) => {
                  event.preventDefault()
                  void run({ ...query, page: 1, full: true }, { focusOnResults: true })
                }}
              >
                {t.searchFullText}
              </a>
            </p>
          )}
          {state.pages > 1 && (
            <nav className="pagination search-pagination" aria-label={t.pages}>
              {state.page > 1 ? (
                <a
                  href={`${routes.search()}${searchString({ ...query, page: state.page - 1 })}`}
                  rel="prev"
                  onClick={goToPage(state.page - 1)}
                >
                  {t.previous}
                </a>
              ) : (
                <span />
              )}
              <span aria-current="page">{t.page(state.page, state.pages)}</span>
              {state.page < state.pages ? (
                <a
                  href={`${routes.search()}${searchString({ ...query, page: state.page + 1 })}`}
                  rel="next"
                  onClick={goToPage(state.page + 1)}
                >
                  {t.next}
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </div>
  )
}

function statusText(state: State): string {
  if (state.status === 'punctuation') return t.punctuationOnly
  if (state.status === 'error') return t.error
  if (state.status !== 'results') return ''
  if (state.total === 0) return t.noResults(state.query)
  return state.scope === 'titles'
    ? t.resultCountTitles(state.total, state.query)
    : t.resultCount(state.total, state.query)
}

type FacetsProps = {
  facets: FacetCounts
  selected: Partial<Record<FilterKey, string>>
  moreOpen: boolean
  onMoreToggle: (open: boolean) => void
  onSelect: (key: FilterKey, value: string | undefined) => void
}

function Facets({ facets, selected, moreOpen, onMoreToggle, onSelect }: FacetsProps) {
  const [expanded, setExpanded] = useState<Set<FilterKey>>(new Set())
  const group = (key: FilterKey) => {
    // Type chips show at once, uncounted until the counts arrive, so the row keeps its shape.
    const all: { value: string; count?: number }[] =
      facets[key] ?? (key === 'type' ? TYPES.map((value) => ({ value })) : [])
    if (all.length === 0) return null
    const values = expanded.has(key)
      ? all
      : all.filter((v, i) => i < CHIPS_SHOWN || v.value === selected[key])
    return (
      <div className="facet-group" role="group" aria-labelledby={`facet-${key}`} key={key}>
        <p className="terms-label" id={`facet-${key}`}>
          {t.filters[key]}
        </p>
        <ul className="chips">
          {values.map(({ value, count }) => {
            const on = selected[key] === value
            return (
              <li key={value}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={on}
                  onClick={() => onSelect(key, on ? undefined : value)}
                >
                  {value}
                  {count !== undefined && <span className="chip-count">（{count}）</span>}
                </button>
              </li>
            )
          })}
          {values.length < all.length && (
            <li>
              <button
                type="button"
                className="chip chip-more"
                onClick={() => setExpanded(new Set(expanded).add(key))}
              >
                {t.showAll(all.length)}
              </button>
            </li>
          )}
        </ul>
      </div>
    )
  }
  return (
    <section className="search-facets" aria-label={t.filterHeading}>
      {group('type')}
      <details
        open={moreOpen}
        onToggle={(event) => onMoreToggle((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{t.moreFilters}</summary>
        {MORE_KEYS.some((key) => facets[key]) ? (
          MORE_KEYS.map(group)
        ) : (
          <p className="meta">{t.loading}</p>
        )}
      </details>
    </section>
  )
}

function NoResults({
  query,
  filtered,
  onClearFilters,
}: {
  query: string
  filtered: boolean
  onClearFilters: () => void
}) {
  return (
    <div className="search-empty">
      <p>{t.noResultsTips}</p>
      <ul className="link-list">
        {filtered && (
          <li>
            <button type="button" className="link-button" onClick={onClearFilters}>
              {t.tipRemoveFilters}
            </button>
          </li>
        )}
        {query && <li>{t.tipShorter}</li>}
        <li>
          <a href={routes.cases()}>{t.libraryLink}</a>，<a href="#browse">{t.tipBrowse}</a>
        </li>
        <li>
          <a href={routes.brandProjects()}>{t.brandProjectsLink}</a>
        </li>
      </ul>
    </div>
  )
}
