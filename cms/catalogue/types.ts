/**
 * The plain shapes the catalogue logic works on, independent of where they come from (the CMS's
 * Local API, the site's content layer, a test): IDs are strings, times ISO instants.
 */
import type { CADENCE_LABELS } from '../labels.ts'
import type { Period } from './periods.ts'

export type Cadence = keyof typeof CADENCE_LABELS

export type PeriodicCadence = Extract<Cadence, 'monthly' | 'quarterly' | 'half-yearly' | 'yearly'>

export const isPeriodic = (cadence: Cadence): cadence is PeriodicCadence =>
  cadence !== 'after-event' && cadence !== 'any-time'

/** One line of the 居务公开 catalogue: what must be published, how often, and by when. */
export type CatalogueItem = {
  id: string
  name: string
  /** The disclosure category that fulfils it. */
  category: string
  cadence: Cadence
  /**
   * Periodic items: days allowed after the period ends (`dueFrom: 'period-end'`, the default) or
   * from its first day (`'period-start'`, e.g. a year's budget). After-event items: days after the
   * meeting. Unused for any-time items.
   */
  dueDays?: number | null
  dueFrom?: 'period-end' | 'period-start' | null
  /** After-event items: a meeting counts when its notice title contains one of these (or any, if empty). */
  eventKeywords?: string[] | null
  /** Every community, or only those listed. */
  appliesTo: 'all' | 'chosen'
  communities?: string[] | null
}

/** A published disclosure, as far as the catalogue cares. */
export type DisclosureFact = {
  id: string
  title: string
  category: string
  period: Period
  publishedAt: string
  /** The catalogue item it fulfils, as stored (derived from category and period when unambiguous). */
  catalogueItem?: string | null
  /** The meeting notice it reports on, if any. */
  relatedNotice?: string | null
}

/** A published meeting notice: the event after-event items count from. */
export type MeetingFact = {
  id: string
  title: string
  startsAt: string
  endsAt?: string | null
}

export const appliesTo = (item: CatalogueItem, community: string): boolean =>
  item.appliesTo === 'all' || (item.communities ?? []).includes(community)
