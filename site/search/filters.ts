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

/** The five types, in the order the chips show them. Every indexed page has exactly one. */
export const TYPES: string[] = Object.values(search.types)
