import type { SearchType } from '../../cms/contentTypes.ts'
import { search } from '../i18n/zh.ts'

/** Filter keys as they appear in the index and in the search page's URL (?type=…&community=…). */
export const FILTER_KEYS = [
  'type',
  'community',
  'street',
  'district',
  'year',
  'problem',
  'mechanism',
] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

/**
 * A page's type as the index and the URL carry it (?type=案例): its Chinese name, so a shared link
 * reads well. Code names types by their key (cms/contentTypes.ts); this is the one mapping.
 */
export const typeValue = (type: SearchType): string => search.types[type]

/** The five types' values, in the order the chips show them. Every indexed page has exactly one. */
export const TYPES: string[] = Object.values(search.types)
