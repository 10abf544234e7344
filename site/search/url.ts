/**
 * A search as a URL (/sousuo/?q=听证会&type=案例&page=2&full=1), so it can be shared in a WeChat group
 * and reloaded. The same parameters are what the plain forms on community and case-library pages submit.
 * `full=1` asks for the full text, not just titles and summaries (site/search/engine.ts).
 */
import { FILTER_KEYS, type FilterKey } from './filters.ts'

export type SearchQuery = {
  q: string
  filters: Partial<Record<FilterKey, string>>
  page: number
  full: boolean
}

const MAX_QUERY = 100

export function parseSearch(search: string): SearchQuery {
  const params = new URLSearchParams(search)
  const filters: Partial<Record<FilterKey, string>> = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim()
    if (value) filters[key] = value
  }
  const page = Number.parseInt(params.get('page') ?? '1', 10)
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY),
    filters,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    full: params.get('full') === '1',
  }
}

export function searchString(query: SearchQuery): string {
  const params = new URLSearchParams()
  if (query.q.trim()) params.set('q', query.q.trim())
  for (const key of FILTER_KEYS) if (query.filters[key]) params.set(key, query.filters[key]!)
  if (query.page > 1) params.set('page', String(query.page))
  if (query.full) params.set('full', '1')
  const text = params.toString()
  return text ? `?${text}` : ''
}
