/**
 * One page of search results: the list, what to try when there is none, the link that adds the
 * full text when only titles were searched, and the page links. Links are real URLs, so they work
 * opened in a new tab; a plain click is handled in place.
 */
import type { MouseEvent, RefObject } from 'react'

import { formatDate } from '../../../cms/beijingTime.ts'
import { pagination, search as t } from '../../i18n/zh.ts'
import { routes } from '../../lib/routes.ts'
import type { SearchResults as Results } from '../../search/engine.ts'
import { searchString, type SearchQuery } from '../../search/url.ts'

type Props = {
  results: Results
  query: SearchQuery
  filtered: boolean
  headingRef: RefObject<HTMLHeadingElement | null>
  onPage: (page: number) => void
  onFullText: () => void
  onClearFilters: () => void
}

const inPlace = (action: () => void) => (event: MouseEvent) => {
  event.preventDefault()
  action()
}
const hrefOf = (query: SearchQuery) => `${routes.search()}${searchString(query)}`

export function SearchResults({
  results,
  query,
  filtered,
  headingRef,
  onPage,
  onFullText,
  onClearFilters,
}: Props) {
  const { page, pages } = results
  return (
    <>
      <h2 id="search-results-title" className="search-results-title" tabIndex={-1} ref={headingRef}>
        {t.results}
        {pages > 1 && <span className="heading-note">{pagination.pageOf(page, pages)}</span>}
      </h2>
      {results.total === 0 ? (
        <NoResults query={results.query} filtered={filtered} onClearFilters={onClearFilters} />
      ) : (
        <ol
          className="search-results"
          start={(page - 1) * results.pageSize + 1}
          aria-labelledby="search-results-title"
        >
          {results.items.map((item) => (
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
                <p className="search-excerpt" dangerouslySetInnerHTML={{ __html: item.excerpt }} />
              )}
            </li>
          ))}
        </ol>
      )}
      {results.scope === 'titles' && (
        <p className="search-scope">
          {t.titlesOnly}
          <a href={hrefOf({ ...query, page: 1, full: true })} onClick={inPlace(onFullText)}>
            {t.searchFullText}
          </a>
        </p>
      )}
      {pages > 1 && (
        <nav className="pagination search-pagination" aria-label={pagination.searchResults}>
          {page > 1 ? (
            <a
              href={hrefOf({ ...query, page: page - 1 })}
              rel="prev"
              onClick={inPlace(() => onPage(page - 1))}
            >
              {pagination.previous}
            </a>
          ) : (
            <span />
          )}
          <span aria-current="page">{pagination.pageOf(page, pages)}</span>
          {page < pages ? (
            <a
              href={hrefOf({ ...query, page: page + 1 })}
              rel="next"
              onClick={inPlace(() => onPage(page + 1))}
            >
              {pagination.next}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
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
