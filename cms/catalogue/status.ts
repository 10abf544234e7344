/**
 * What is due and what is late: for one community and one catalogue item, which periods (or
 * meetings) have had their disclosure, which are past their due date without one, and what comes
 * due next. Everything is counted in Beijing calendar days; a due date holds to the end of its day.
 *
 * The rule for when a period's disclosure is due is in docs/disclosure-catalogue.md: within
 * `dueDays` days after the period ends (or, for `dueFrom: 'period-start'`, within its first
 * `dueDays` days); after a meeting, within `dueDays` days of the day it was held. Obligations are
 * counted from the day the site started tracking the community (`trackedSince`); a community that
 * is not tracked gets its last publications listed and no claim about lateness.
 *
 * The public 公开目录 page, the staff dashboard and the reminder e-mails all call these functions, so
 * they cannot disagree.
 */
import { beijingDay, type Day } from '../beijingTime.ts'
import {
  comparePeriods,
  nextPeriod,
  periodContaining,
  periodEnd,
  periodShape,
  periodStart,
  samePeriod,
  type Period,
  type PeriodShape,
} from './periods.ts'
import {
  appliesTo,
  isPeriodic,
  type CatalogueItem,
  type DisclosureFact,
  type MeetingFact,
  type PeriodicCadence,
} from './types.ts'

/** "Due soon" on the dashboard and in reminders: due within this many days from today. */
export const DUE_SOON_DAYS = 14

/** Days allowed when an item does not say (see docs/disclosure-catalogue.md). */
export const DEFAULT_DUE_DAYS: Record<PeriodicCadence | 'after-event', number> = {
  monthly: 10,
  quarterly: 15,
  'half-yearly': 15,
  yearly: 31,
  'after-event': 7,
}

export const CADENCE_SHAPE: Record<PeriodicCadence, PeriodShape> = {
  monthly: 'month',
  quarterly: 'quarter',
  'half-yearly': 'half',
  yearly: 'year',
}

/** One thing that had to be (or will have to be) published: a period's or a meeting's disclosure. */
export type Obligation = {
  period?: Period
  meeting?: MeetingFact
  dueDay: Day
  fulfilledBy: DisclosureFact | null
  /** Days the disclosure came after its due date (0 when on time or not yet published). */
  lateDays: number
}

export type ItemState =
  /** Something due has not been published. */
  | 'overdue'
  /** Nothing is late, and the next disclosure is due within DUE_SOON_DAYS. */
  | 'due-soon'
  /** Nothing is late and nothing is due soon. */
  | 'ok'
  /** 随时公开: published when there is something to publish; never late. */
  | 'any-time'
  /** The site does not track this community's deadlines. */
  | 'untracked'

export type ItemStatus = {
  item: CatalogueItem
  state: ItemState
  /** The latest disclosure of this item (latest period covered, then latest published). */
  last: {
    disclosure: DisclosureFact
    period?: Period
    meeting?: MeetingFact
    lateDays: number
  } | null
  /** The next obligation not yet due and not yet met, if one is known. */
  next: Obligation | null
  /** Obligations past their due date without a disclosure, oldest first. */
  missed: Obligation[]
  /** Days since the oldest missed due date (0 when nothing is missed). */
  daysOverdue: number
}

export type TrackingContext = {
  community: string
  /** The day (ISO date or instant) the site started tracking this community; null: not tracked. */
  trackedSince: string | null
  /** The community's published disclosures. */
  disclosures: DisclosureFact[]
  /** The community's published meeting notices. */
  meetings: MeetingFact[]
  /** Now, in epoch milliseconds. */
  now: number
}

const dueDays = (item: CatalogueItem) =>
  item.dueDays ?? DEFAULT_DUE_DAYS[item.cadence as PeriodicCadence | 'after-event'] ?? 0

const lateness = (disclosure: DisclosureFact | null, dueDay: Day) =>
  disclosure ? Math.max(0, beijingDay(disclosure.publishedAt) - dueDay) : 0

const byPublished = (a: DisclosureFact, b: DisclosureFact) =>
  Date.parse(a.publishedAt) - Date.parse(b.publishedAt)

/** The day a meeting counts from: the day it ended (or started, if no end is given). */
const meetingDay = (meeting: MeetingFact) => beijingDay(meeting.endsAt ?? meeting.startsAt)
const meetingOver = (meeting: MeetingFact, now: number) =>
  Date.parse(meeting.endsAt ?? meeting.startsAt) <= now

export const matchesKeywords = (item: CatalogueItem, meeting: MeetingFact) =>
  !item.eventKeywords?.length || item.eventKeywords.some((word) => meeting.title.includes(word))

/** The day a periodic item's disclosure for `period` is due. */
export function periodDueDay(item: CatalogueItem, period: Period): Day {
  return item.dueFrom === 'period-start'
    ? periodStart(period) + dueDays(item) - 1
    : periodEnd(period) + dueDays(item)
}

/** Obligations of a periodic item, from the tracking start to the first one not yet due. */
function periodicObligations(
  item: CatalogueItem,
  own: DisclosureFact[],
  since: Day,
  today: Day,
): { due: Obligation[]; next: Obligation | null } {
  const shape = CADENCE_SHAPE[item.cadence as PeriodicCadence]
  const fulfilling = (period: Period) =>
    own.filter((d) => samePeriod(d.period, period)).sort(byPublished)[0] ?? null
  const due: Obligation[] = []
  let period = periodContaining(shape, since)
  // Bounded: a period a month long, a century of them at most.
  for (let i = 0; i < 1200; i++, period = nextPeriod(period)) {
    const dueDay = periodDueDay(item, period)
    const fulfilledBy = fulfilling(period)
    const obligation = { period, dueDay, fulfilledBy, lateDays: lateness(fulfilledBy, dueDay) }
    if (dueDay < today) due.push(obligation)
    else if (!fulfilledBy) return { due, next: obligation }
    else if (periodStart(period) > today) return { due, next: null }
    // Due today or later and already published: on to the following period.
  }
  return { due, next: null }
}

/** Obligations of an after-event item: one per meeting held since the tracking start. */
function meetingObligations(
  item: CatalogueItem,
  own: DisclosureFact[],
  meetings: MeetingFact[],
  since: Day,
  now: number,
): { due: Obligation[]; next: Obligation | null } {
  const today = beijingDay(now)
  const held = meetings
    .filter((m) => matchesKeywords(item, m) && meetingOver(m, now) && meetingDay(m) >= since)
    .sort((a, b) => meetingDay(a) - meetingDay(b))
  const reports = new Map<string, DisclosureFact>()
  const heldIds = new Set(held.map((m) => m.id))
  const unlinked: DisclosureFact[] = []
  for (const d of [...own].sort(byPublished)) {
    if (d.relatedNotice && heldIds.has(d.relatedNotice)) {
      if (!reports.has(d.relatedNotice)) reports.set(d.relatedNotice, d)
    } else unlinked.push(d)
  }
  // A report naming no meeting answers the latest meeting before it that has none yet.
  for (const d of unlinked) {
    const day = beijingDay(d.publishedAt)
    const meeting = held.findLast((m) => meetingDay(m) <= day && !reports.has(m.id))
    if (meeting) reports.set(meeting.id, d)
  }
  const obligations = held.map((meeting) => {
    const dueDay = meetingDay(meeting) + dueDays(item)
    const fulfilledBy = reports.get(meeting.id) ?? null
    return { meeting, dueDay, fulfilledBy, lateDays: lateness(fulfilledBy, dueDay) }
  })
  const due = obligations.filter((o) => o.dueDay < today)
  const pending = obligations.filter((o) => o.dueDay >= today && !o.fulfilledBy)
  const upcoming = meetings
    .filter((m) => matchesKeywords(item, m) && !meetingOver(m, now))
    .sort((a, b) => meetingDay(a) - meetingDay(b))[0]
  const next =
    pending[0] ??
    (upcoming
      ? {
          meeting: upcoming,
          dueDay: meetingDay(upcoming) + dueDays(item),
          fulfilledBy: null,
          lateDays: 0,
        }
      : null)
  return { due, next }
}

/** The latest disclosure of the item, with the period or meeting it covers. */
function lastPublished(
  item: CatalogueItem,
  own: DisclosureFact[],
  meetings: MeetingFact[],
): ItemStatus['last'] {
  if (own.length === 0) return null
  const latest = [...own].sort((a, b) =>
    isPeriodic(item.cadence)
      ? comparePeriods(b.period, a.period) || byPublished(b, a)
      : byPublished(b, a),
  )[0]
  if (isPeriodic(item.cadence))
    return {
      disclosure: latest,
      period: latest.period,
      lateDays: lateness(latest, periodDueDay(item, latest.period)),
    }
  const meeting = meetings.find((m) => m.id === latest.relatedNotice)
  return {
    disclosure: latest,
    meeting,
    lateDays:
      item.cadence === 'after-event' && meeting
        ? lateness(latest, meetingDay(meeting) + dueDays(item))
        : 0,
  }
}

/** The item's disclosures among a community's: those naming it (stored or derived). */
const disclosuresOf = (item: CatalogueItem, disclosures: DisclosureFact[]) =>
  disclosures.filter(
    (d) =>
      d.catalogueItem === item.id &&
      (!isPeriodic(item.cadence) ||
        periodShape(d.period) === CADENCE_SHAPE[item.cadence as PeriodicCadence]),
  )

export function itemStatus(item: CatalogueItem, ctx: TrackingContext): ItemStatus {
  const own = disclosuresOf(item, ctx.disclosures)
  const last = lastPublished(item, own, ctx.meetings)
  const none = { item, last, next: null, missed: [], daysOverdue: 0 }
  if (item.cadence === 'any-time') return { ...none, state: 'any-time' }
  if (!ctx.trackedSince) return { ...none, state: 'untracked' }

  const today = beijingDay(ctx.now)
  const since = beijingDay(ctx.trackedSince)
  const { due, next } = isPeriodic(item.cadence)
    ? periodicObligations(item, own, since, today)
    : meetingObligations(item, own, ctx.meetings, since, ctx.now)
  const missed = due.filter((o) => !o.fulfilledBy)
  const daysOverdue = missed.length ? today - missed[0].dueDay : 0
  // A meeting still to be held may be called off: its report is announced, not yet due soon.
  const imminent =
    next !== null &&
    next.dueDay - today <= DUE_SOON_DAYS &&
    (!next.meeting || meetingOver(next.meeting, ctx.now))
  const state = missed.length ? 'overdue' : imminent ? 'due-soon' : 'ok'
  return { item, state, last, next, missed, daysOverdue }
}

export type CommunityStatus = {
  community: string
  tracked: boolean
  items: ItemStatus[]
  overdue: number
  dueSoon: number
}

/** Every catalogue item that applies to the community, in catalogue order, with the counts. */
export function communityStatus(items: CatalogueItem[], ctx: TrackingContext): CommunityStatus {
  const statuses = items
    .filter((item) => appliesTo(item, ctx.community))
    .map((item) => itemStatus(item, ctx))
  return {
    community: ctx.community,
    tracked: Boolean(ctx.trackedSince),
    items: statuses,
    overdue: statuses.filter((s) => s.state === 'overdue').length,
    dueSoon: statuses.filter((s) => s.state === 'due-soon').length,
  }
}
