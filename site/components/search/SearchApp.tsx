/**
 * The search page's island. Server-rendered, it is a plain GET form (works without JavaScript); in the
 * browser it reads the search from the URL and runs it (useSearch), showing the filters
 * (SearchFacets) and the results (SearchResults).
 */
import type { SubmitEvent } from 'react'

import { search as t } from '../../i18n/zh.ts'
import { routes } from '../../lib/routes.ts'
import { ActiveFilters, chosenFilters, SearchFacets } from './SearchFacets.tsx'
import { SearchResults } from './SearchResults.tsx'
import { prepareSearch, useSearch, type Outcome } from './useSearch.ts'

export default function SearchApp() {
  const search = useSearch()
  const { outcome, query, loading } = search
  const chosen = chosenFilters(query)
  const results = outcome.status === 'results' ? outcome : null

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    search.submit()
  }

  return (
    <div
      className="search-app"
      data-state={outcome.status}
      data-ready={search.hydrated && !loading && !search.counting ? '' : undefined}
      aria-busy={loading}
      data-scope={results?.scope}
      data-bigram={results?.usedBigram ? 'used' : undefined}
      data-page={results?.page}
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
            value={search.input}
            onChange={(event) => search.type(event.target.value)}
            onFocus={prepareSearch}
            placeholder={t.placeholder}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={100}
          />
          {chosen.map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <button type="submit" className="button search-button">
            {t.submit}
          </button>
        </div>
      </form>

      <ActiveFilters
        chosen={chosen}
        onRemove={(key) => search.setFilter(key, undefined)}
        onClear={search.clearFilters}
      />

      <p
        className={`search-status${outcome.status === 'punctuation' || outcome.status === 'error' ? ' callout' : ''}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {loading ? t.loading : statusText(outcome)}
      </p>

      {outcome.status === 'idle' && search.hydrated && !loading && (
        <div className="search-idle">
          <p>{t.intro}</p>
          <p className="search-examples">
            {t.examples}
            {t.exampleQueries.map((example) => (
              <a
                key={example}
                href={`${routes.search()}?q=${encodeURIComponent(example)}`}
                onClick={(event) => {
                  event.preventDefault()
                  search.searchFor(example)
                }}
              >
                {example}
              </a>
            ))}
          </p>
        </div>
      )}

      {results && (
        <>
          <SearchFacets
            facets={search.facets}
            selected={query.filters}
            moreOpen={search.moreOpen}
            onMoreToggle={search.toggleMore}
            onSelect={search.setFilter}
          />
          <SearchResults
            results={results}
            query={query}
            filtered={chosen.length > 0}
            headingRef={search.resultsRef}
            onPage={search.goToPage}
            onFullText={search.searchFullText}
            onClearFilters={search.clearFilters}
          />
        </>
      )}
    </div>
  )
}

function statusText(outcome: Outcome): string {
  if (outcome.status === 'punctuation') return t.punctuationOnly
  if (outcome.status === 'error') return t.error
  if (outcome.status !== 'results') return ''
  if (outcome.total === 0) return t.noResults(outcome.query)
  return outcome.scope === 'titles'
    ? t.resultCountTitles(outcome.total, outcome.query)
    : t.resultCount(outcome.total, outcome.query)
}
