/**
 * What the search index knows about an item page besides its text. An item template passes one
 * record to Base.astro (`search` prop), which marks the page for indexing and renders the record as
 * hidden Pagefind filters and metadata. Pages without a record (lists, archives, facets, the home
 * page) are not indexed at all, so every search result is an item.
 */
import type { BrandProject, CaseStudy, Community, Disclosure, Notice, Term } from './content.ts'
import { beijingParts, isoDate } from '../../cms/beijingTime.ts'
import type { Place } from './library.ts'
import { typeValue, type FilterKey } from '../search/filters.ts'
import type { SearchType } from '../../cms/contentTypes.ts'

export type SearchRecord = {
  type: SearchType
  title: string
  /** Publication day (YYYY-MM-DD, Beijing), for items that have one. */
  date?: string | null
  /** A sentence or two shown under the result when Pagefind has no excerpt of its own (bigram index hits). */
  summary?: string | null
  community?: string | null
  street?: string | null
  district?: string | null
  year?: number | null
  problems?: string[]
  mechanisms?: string[]
}

/** The record's filter values, key by key (empty keys left out). */
export function recordFilters(record: SearchRecord): Partial<Record<FilterKey, string[]>> {
  const values: Record<FilterKey, (string | number | null | undefined)[]> = {
    type: [typeValue(record.type)],
    community: [record.community],
    street: [record.street],
    district: [record.district],
    year: [record.year],
    problem: record.problems ?? [],
    mechanism: record.mechanisms ?? [],
  }
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, list]) => [
        key,
        list.filter((v) => v !== null && v !== undefined && v !== '').map(String),
      ])
      .filter(([, list]) => list.length > 0),
  )
}

/** Metadata shown with a result (Pagefind keeps it in the page's fragment). */
export function recordMeta(record: SearchRecord): Record<string, string> {
  const meta: Record<string, string | null | undefined> = {
    title: record.title,
    type: typeValue(record.type),
    date: record.date,
    community: record.community,
    summary: record.summary?.replace(/\s+/g, ' ').trim().slice(0, 160),
  }
  return Object.fromEntries(
    Object.entries(meta).filter((entry): entry is [string, string] => Boolean(entry[1])),
  )
}

const names = (terms: (Term | undefined)[]) =>
  terms.filter((term) => term !== undefined).map((term) => term.data.name)
const placeFields = (place: Place) => ({
  community: place.community?.data.name,
  street: place.street?.data.name,
  district: place.district?.data.name,
})

export const searchRecords = {
  caseStudy: (
    c: CaseStudy,
    place: Place,
    problems: (Term | undefined)[],
    mechanisms: (Term | undefined)[],
  ): SearchRecord => ({
    type: 'caseStudy',
    title: c.data.title,
    summary: c.data.summary,
    year: c.data.year,
    ...placeFields(place),
    problems: names(problems),
    mechanisms: names(mechanisms),
  }),
  brandProject: (project: BrandProject, place: Place): SearchRecord => ({
    type: 'brandProject',
    title: project.data.name,
    summary: [project.data.slogan, project.data.summary].filter(Boolean).join('。'),
    year: project.data.founded.year ?? null,
    ...placeFields(place),
  }),
  community: (community: Community, place: Place, introduction: string): SearchRecord => ({
    type: 'community',
    title: community.data.name,
    summary: introduction,
    ...placeFields({ ...place, community }),
  }),
  notice: (notice: Notice, place: Place): SearchRecord => ({
    type: 'notice',
    title: notice.data.title,
    summary: notice.data.summary,
    date: isoDate(notice.data.publishedAt),
    year: beijingParts(notice.data.publishedAt).year,
    ...placeFields(place),
  }),
  disclosure: (disclosure: Disclosure, place: Place): SearchRecord => ({
    type: 'disclosure',
    title: disclosure.data.title,
    summary: disclosure.data.summary,
    date: isoDate(disclosure.data.publishedAt),
    // The year a disclosure is about (2025年度经费收支, published in January 2026) is the one people search by.
    year: disclosure.data.period.year,
    ...placeFields(place),
  }),
}
