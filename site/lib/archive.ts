/**
 * A community's notices and disclosures as one dated timeline, split the way the archive pages show
 * it: by Beijing year and month of publication, newest first, in pages of ARCHIVE_PAGE_SIZE.
 */
import type { Disclosure, Notice } from './content.ts'
import { beijingParts } from '../../cms/beijingTime.ts'

export const ARCHIVE_PAGE_SIZE = 20

export type TimelineItem =
  { type: 'notice'; entry: Notice } | { type: 'disclosure'; entry: Disclosure }

export type Dated<T> = { item: T; publishedAt: string; year: number; month: number }

/** Newest first; equal instants fall back to the title so builds are reproducible. */
export function timeline<T>(
  items: T[],
  publishedAt: (item: T) => string,
  title: (item: T) => string,
): Dated<T>[] {
  return items
    .map((item) => {
      const at = publishedAt(item)
      const { year, month } = beijingParts(at)
      return { item, publishedAt: at, year, month }
    })
    .sort(
      (a, b) =>
        Date.parse(b.publishedAt) - Date.parse(a.publishedAt) ||
        title(a.item).localeCompare(title(b.item), 'zh-CN'),
    )
}

const groupBy = <T, K>(list: T[], key: (value: T) => K) => {
  const groups = new Map<K, T[]>()
  for (const value of list) {
    const k = key(value)
    const group = groups.get(k)
    if (group) group.push(value)
    else groups.set(k, [value])
  }
  return [...groups].map(([k, values]) => ({ key: k, values }))
}

/** Years with anything published, newest first (input order is kept inside each year). */
export const byYear = <T>(list: Dated<T>[]) =>
  groupBy(list, (d) => d.year)
    .map(({ key, values }) => ({ year: key, items: values }))
    .sort((a, b) => b.year - a.year)

/** Months of one year's items, newest first. */
export const byMonth = <T>(list: Dated<T>[]) =>
  groupBy(list, (d) => d.month)
    .map(({ key, values }) => ({ month: key, items: values }))
    .sort((a, b) => b.month - a.month)

/** Always at least one (possibly empty) page, so page 1 of a year exists. */
export function paginate<T>(list: T[], size = ARCHIVE_PAGE_SIZE): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size))
  return pages.length ? pages : [[]]
}

/** A year's month pages exist only where its year page is paginated. */
export const needsMonthPages = (count: number) => count > ARCHIVE_PAGE_SIZE

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
}

/** Rendered HTML → plain text of at most `max` characters, for feed descriptions. */
export function plainExcerpt(html: string, max = 120): string {
  const text = html
    .replace(/<(br|\/p|\/li|\/h\d)[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(
      /&(#?\w+);/g,
      (entity, name: string) =>
        ENTITIES[name] ??
        (name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1).replace(/^x/i, '0x')))
          : entity),
    )
    .replace(/\s+/g, ' ')
    .trim()
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}
