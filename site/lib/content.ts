/**
 * Typed access to the site's content, sorted the way pages show it. `getCollection()` does not keep
 * the loader's order, so every list is sorted here explicitly.
 */
import { getCollection, type CollectionEntry } from 'astro:content'

import { endOfBeijingDay } from '../../cms/beijingTime.ts'
import type { SiteCollection } from '../../cms/contentTypes.ts'
import { buildTime } from './buildTime.ts'

export type Community = CollectionEntry<'communities'>
export type Notice = CollectionEntry<'notices'>
export type Disclosure = CollectionEntry<'disclosures'>
export type CaseStudy = CollectionEntry<'caseStudies'>
export type BrandProject = CollectionEntry<'brandProjects'>
export type District = CollectionEntry<'districts'>
export type Street = CollectionEntry<'streets'>
export type Term = CollectionEntry<'problemCategories'> | CollectionEntry<'mechanisms'>
export type Source = CollectionEntry<'sources'>
export type CatalogueItem = CollectionEntry<'catalogueItems'>

/** Newest first. Each date is read once, not once per comparison: lists reach 100,000 items. */
const newestFirst = <T extends { data: { publishedAt: string } }>(list: T[]): T[] =>
  list
    .map((entry) => ({ entry, time: Date.parse(entry.data.publishedAt) }))
    .sort((a, b) => b.time - a.time)
    .map(({ entry }) => entry)
const byName = <T extends { data: { name: string } }>(a: T, b: T) =>
  a.data.name.localeCompare(b.data.name, 'zh-CN')

export const communities = async () => (await getCollection('communities')).sort(byName)
export const districts = async () => (await getCollection('districts')).sort(byName)
export const streets = async () => (await getCollection('streets')).sort(byName)
export const problemCategories = async () => (await getCollection('problemCategories')).sort(byName)
export const mechanisms = async () => (await getCollection('mechanisms')).sort(byName)
export const brandProjects = async () => (await getCollection('brandProjects')).sort(byName)
/** The 公开目录, in the order the admins gave it. */
export const catalogueItems = async () =>
  (await getCollection('catalogueItems')).sort((a, b) => a.data.order - b.data.order)

/** Notices, newest first. */
export const notices = async () => newestFirst(await getCollection('notices'))
/** Disclosures, newest first. */
export const disclosures = async () => newestFirst(await getCollection('disclosures'))

/** Cases in the order of the books: by publication, then page, then title. */
export const caseStudies = async () =>
  (await getCollection('caseStudies')).sort(
    (a, b) =>
      (a.data.source.publication?.id ?? '').localeCompare(b.data.source.publication?.id ?? '') ||
      (a.data.source.page ?? 0) - (b.data.source.page ?? 0) ||
      a.data.title.localeCompare(b.data.title, 'zh-CN'),
  )

/** A reference from one entry to another (the schema's reference()), or the other's slug. */
export type Ref = { id: string } | string | null | undefined

export const refId = (ref: Ref): string | undefined => (typeof ref === 'string' ? ref : ref?.id)

/**
 * Resolves references to one collection's entries, loaded once (undefined for a reference the
 * public cannot follow: an entry that is not published).
 */
export async function index<C extends SiteCollection>(collection: C) {
  const entries = await getCollection(collection)
  const map = new Map(entries.map((entry) => [entry.id, entry]))
  return (ref: Ref) => {
    const id = refId(ref)
    return id === undefined ? undefined : (map.get(id) as CollectionEntry<C> | undefined)
  }
}

/**
 * Entries grouped by community, each group in the entries' order. One pass over the entries: a
 * city's thousand communities must not each filter a hundred thousand items.
 */
export function byCommunity<T extends { data: { community: Ref } }>(entries: T[]) {
  const groups = new Map<string, T[]>()
  for (const entry of entries) {
    const community = refId(entry.data.community)
    if (community === undefined) continue
    const group = groups.get(community)
    if (group) group.push(entry)
    else groups.set(community, [entry])
  }
  return (community: string): T[] => groups.get(community) ?? []
}

/** After its `validUntil` day a notice leaves the "current" lists (it stays in the archive). */
export const isExpired = (notice: Notice, now = buildTime()) =>
  notice.data.validUntil !== null && endOfBeijingDay(notice.data.validUntil) < now

/** A meeting that has not ended yet. */
/** A meeting is over once its end (or, without one, its start) has passed. */
export const meetingEnded = (meeting: NonNullable<Notice['data']['meeting']>, now = buildTime()) =>
  Date.parse(meeting.endsAt ?? meeting.startsAt) < now

export const isUpcomingMeeting = (notice: Notice, now = buildTime()) =>
  notice.data.meeting !== null && !meetingEnded(notice.data.meeting, now)

/** Upcoming meetings, soonest first. */
export const upcomingMeetings = (list: Notice[], now = buildTime()) =>
  list
    .filter((notice) => isUpcomingMeeting(notice, now))
    .sort((a, b) => Date.parse(a.data.meeting!.startsAt) - Date.parse(b.data.meeting!.startsAt))

/** Current notices: not expired, pinned ones first, then newest. */
export const currentNotices = (list: Notice[], now = buildTime()) =>
  // The sort is stable: pinned ones first, each part still newest first.
  newestFirst(list.filter((notice) => !isExpired(notice, now))).sort(
    (a, b) => Number(b.data.pinned) - Number(a.data.pinned),
  )
