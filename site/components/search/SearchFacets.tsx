/**
 * The search's filters: the ones chosen, as removable chips, and the facets to choose from, with
 * their counts once known. The type chips show at once; the others wait behind 更多筛选条件.
 */
import { useState } from 'react'

import { search as t } from '../../i18n/zh.ts'
import type { FacetCounts } from '../../search/engine.ts'
import { TYPES, type FilterKey } from '../../search/filters.ts'
import type { SearchQuery } from '../../search/url.ts'

const MORE_KEYS: FilterKey[] = ['community', 'year', 'problem', 'mechanism', 'district', 'street']
/** Chips shown per facet before "show all": 60 communities would push the results off a phone's screen. */
const CHIPS_SHOWN = 8

type Chosen = [FilterKey, string][]

export const chosenFilters = (query: SearchQuery): Chosen =>
  Object.entries(query.filters).filter((entry): entry is [FilterKey, string] => Boolean(entry[1]))

export function ActiveFilters({
  chosen,
  onRemove,
  onClear,
}: {
  chosen: Chosen
  onRemove: (key: FilterKey) => void
  onClear: () => void
}) {
  if (chosen.length === 0) return null
  return (
    <div className="search-active">
      <span className="search-active-label">{t.filtered}</span>
      <ul className="chips">
        {chosen.map(([key, value]) => (
          <li key={key}>
            <button
              type="button"
              className="chip chip-remove"
              onClick={() => onRemove(key)}
              aria-label={t.clearFilter(`${t.filters[key]} ${value}`)}
            >
              {t.filters[key]}：{value} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
        {chosen.length > 1 && (
          <li>
            <button type="button" className="chip chip-remove" onClick={onClear}>
              {t.clearAll}
            </button>
          </li>
        )}
      </ul>
    </div>
  )
}

type FacetsProps = {
  facets: FacetCounts
  selected: SearchQuery['filters']
  moreOpen: boolean
  onMoreToggle: (open: boolean) => void
  onSelect: (key: FilterKey, value: string | undefined) => void
}

export function SearchFacets({ facets, selected, moreOpen, onMoreToggle, onSelect }: FacetsProps) {
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
      <details open={moreOpen} onToggle={(event) => onMoreToggle(event.currentTarget.open)}>
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
