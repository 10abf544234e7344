import { describe, expect, it } from 'vitest'

import { isoDay } from '../../cms/beijingTime.ts'
import { deriveCatalogueItem } from '../../cms/catalogue/deriveItem.ts'
import { communityStatus, itemStatus, type TrackingContext } from '../../cms/catalogue/status.ts'
import type { CatalogueItem, DisclosureFact, MeetingFact } from '../../cms/catalogue/types.ts'
import type { Period } from '../../cms/catalogue/periods.ts'

/**
 * The status of a catalogue item for one community: what was last published, what is late and by
 * how many days, what is due next. Each scenario states "today" as a Beijing time and the expected
 * dates and counts as a calendar gives them.
 */

const quarterly: CatalogueItem = {
  id: 'finance-q',
  name: '居委会经费收支',
  category: 'finance',
  cadence: 'quarterly',
  dueDays: 15,
  appliesTo: 'all',
}
const resolutions: CatalogueItem = {
  id: 'resolutions',
  name: '居民代表会议决议',
  category: 'resolution',
  cadence: 'after-event',
  dueDays: 7,
  eventKeywords: ['居民代表会议', '居民会议'],
  appliesTo: 'all',
}
const anyTime: CatalogueItem = {
  id: 'major',
  name: '重大事项',
  category: 'other',
  cadence: 'any-time',
  appliesTo: 'all',
}

let serial = 0
const published = (
  period: Period,
  publishedAt: string,
  extra: Partial<DisclosureFact> = {},
): DisclosureFact => ({
  id: `d${++serial}`,
  title: `公开${serial}`,
  category: 'finance',
  period,
  publishedAt: new Date(publishedAt).toISOString(),
  catalogueItem: 'finance-q',
  ...extra,
})
const meeting = (id: string, title: string, startsAt: string, endsAt: string): MeetingFact => ({
  id,
  title,
  startsAt: new Date(startsAt).toISOString(),
  endsAt: new Date(endsAt).toISOString(),
})
const ctx = (now: string, extra: Partial<TrackingContext> = {}): TrackingContext => ({
  community: 'shili',
  trackedSince: '2026-01-01',
  disclosures: [],
  meetings: [],
  now: Date.parse(now),
  ...extra,
})
const dueDates = (obligations: { dueDay: number }[]) => obligations.map((o) => isoDay(o.dueDay))

const allOf2026 = () => [
  published({ year: 2026, quarter: 1 }, '2026-04-09T10:00:00+08:00'),
  published({ year: 2026, quarter: 2 }, '2026-07-10T10:00:00+08:00'),
  published({ year: 2026, quarter: 3 }, '2026-10-09T10:00:00+08:00'),
]

describe('a quarterly item that was never published', () => {
  const status = itemStatus(quarterly, ctx('2026-12-01T09:00:00+08:00'))

  it('is overdue for every quarter due since tracking began, counted from the oldest', () => {
    expect(status.state).toBe('overdue')
    expect(status.last).toBeNull()
    expect(status.missed.map((o) => o.period)).toEqual([
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 2 },
      { year: 2026, quarter: 3 },
    ])
    expect(dueDates(status.missed)).toEqual(['2026-04-15', '2026-07-15', '2026-10-15'])
    // 15 April to 1 December: 15 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 1 days.
    expect(status.daysOverdue).toBe(230)
  })

  it('names the quarter after them as the next due, in the next year', () => {
    expect(status.next?.period).toEqual({ year: 2026, quarter: 4 })
    expect(isoDay(status.next!.dueDay)).toBe('2027-01-15')
  })

  it('counts nothing before tracking began', () => {
    const late = itemStatus(
      quarterly,
      ctx('2026-12-01T09:00:00+08:00', { trackedSince: '2026-08-20' }),
    )
    // Tracking began inside Q3, so Q3 is owed (due 15 October) and nothing earlier.
    expect(late.missed.map((o) => o.period)).toEqual([{ year: 2026, quarter: 3 }])
    expect(late.daysOverdue).toBe(47)
  })
})

describe('a quarterly item published every quarter', () => {
  const disclosures = allOf2026()

  it('is up to date while the next quarter is more than 14 days from due', () => {
    const status = itemStatus(quarterly, ctx('2026-12-01T09:00:00+08:00', { disclosures }))
    expect(status.state).toBe('ok')
    expect(status.missed).toEqual([])
    expect(status.daysOverdue).toBe(0)
    expect(status.last?.period).toEqual({ year: 2026, quarter: 3 })
    expect(status.last?.lateDays).toBe(0)
  })

  it('is due soon from 14 days before the due date, and on the due date itself', () => {
    for (const now of ['2027-01-01T00:00:00+08:00', '2027-01-15T23:59:00+08:00']) {
      const status = itemStatus(quarterly, ctx(now, { disclosures }))
      expect(status.state, now).toBe('due-soon')
      expect(isoDay(status.next!.dueDay)).toBe('2027-01-15')
    }
    expect(itemStatus(quarterly, ctx('2026-12-31T23:59:00+08:00', { disclosures })).state).toBe(
      'ok',
    )
  })

  it('is one day overdue from midnight after the due date, Beijing time', () => {
    // 16 January 00:00 in Beijing is still 15 January in UTC.
    const status = itemStatus(quarterly, ctx('2027-01-15T16:00:00Z', { disclosures }))
    expect(status.state).toBe('overdue')
    expect(status.daysOverdue).toBe(1)
    expect(status.missed.map((o) => o.period)).toEqual([{ year: 2026, quarter: 4 }])
    expect(isoDay(status.next!.dueDay)).toBe('2027-04-15')
  })

  it('published early (before the quarter is over) counts, and the next due moves on', () => {
    const early = [
      ...disclosures,
      published({ year: 2026, quarter: 4 }, '2026-12-28T10:00:00+08:00'),
    ]
    const status = itemStatus(quarterly, ctx('2027-01-10T10:00:00+08:00', { disclosures: early }))
    expect(status.state).toBe('ok')
    expect(status.next?.period).toEqual({ year: 2027, quarter: 1 })
    expect(status.last?.period).toEqual({ year: 2026, quarter: 4 })
  })
})

describe('a late disclosure', () => {
  it('published 00:10 the day after the due date is one day late; 23:30 on the day is on time', () => {
    const onTime = published({ year: 2026, quarter: 3 }, '2026-10-15T23:30:00+08:00')
    const late = published({ year: 2026, quarter: 3 }, '2026-10-16T00:10:00+08:00')
    const at = (d: DisclosureFact) =>
      itemStatus(
        quarterly,
        ctx('2026-11-01T10:00:00+08:00', { disclosures: [d], trackedSince: '2026-07-01' }),
      )
    expect(at(onTime).last?.lateDays).toBe(0)
    expect(at(late).last?.lateDays).toBe(1)
    expect(at(late).state).toBe('ok')
  })

  it('for a missed quarter clears it: the item is up to date again', () => {
    const backlog = [
      published({ year: 2026, quarter: 1 }, '2026-11-20T10:00:00+08:00'),
      published({ year: 2026, quarter: 2 }, '2026-11-20T10:00:00+08:00'),
      published({ year: 2026, quarter: 3 }, '2026-11-20T10:00:00+08:00'),
    ]
    const status = itemStatus(quarterly, ctx('2026-12-01T10:00:00+08:00', { disclosures: backlog }))
    expect(status.state).toBe('ok')
    expect(status.last?.period).toEqual({ year: 2026, quarter: 3 })
    expect(status.last?.lateDays).toBe(36)
  })

  it('of another period shape does not count (a month is not a quarter)', () => {
    const monthly = [published({ year: 2026, month: 9 }, '2026-10-09T10:00:00+08:00')]
    const status = itemStatus(
      quarterly,
      ctx('2026-11-01T10:00:00+08:00', { disclosures: monthly, trackedSince: '2026-07-01' }),
    )
    expect(status.state).toBe('overdue')
    expect(status.last).toBeNull()
  })
})

describe('the year boundary and leap years for other cadences', () => {
  it('a monthly item owes December by 10 January, and February 2028 by 10 March', () => {
    const monthly: CatalogueItem = { ...quarterly, id: 'm', cadence: 'monthly', dueDays: 10 }
    const status = itemStatus(
      monthly,
      ctx('2027-01-11T08:00:00+08:00', { trackedSince: '2026-12-01' }),
    )
    expect(status.missed.map((o) => o.period)).toEqual([{ year: 2026, month: 12 }])
    expect(status.daysOverdue).toBe(1)
    expect(isoDay(status.next!.dueDay)).toBe('2027-02-10')
    const leap = itemStatus(
      monthly,
      ctx('2028-03-01T08:00:00+08:00', { trackedSince: '2028-02-01' }),
    )
    expect(leap.state).toBe('due-soon')
    expect(isoDay(leap.next!.dueDay)).toBe('2028-03-10')
  })

  it('a yearly budget due in the first 60 days is overdue from 1 March in a leap year, 2 March otherwise', () => {
    const budget: CatalogueItem = {
      ...quarterly,
      id: 'b',
      cadence: 'yearly',
      dueDays: 60,
      dueFrom: 'period-start',
    }
    expect(
      itemStatus(budget, ctx('2028-02-29T20:00:00+08:00', { trackedSince: '2028-01-01' })).state,
    ).toBe('due-soon')
    expect(
      itemStatus(budget, ctx('2028-03-01T08:00:00+08:00', { trackedSince: '2028-01-01' }))
        .daysOverdue,
    ).toBe(1)
    expect(
      itemStatus(budget, ctx('2027-03-01T20:00:00+08:00', { trackedSince: '2027-01-01' })).state,
    ).toBe('due-soon')
    expect(
      itemStatus(budget, ctx('2027-03-02T08:00:00+08:00', { trackedSince: '2027-01-01' }))
        .daysOverdue,
    ).toBe(1)
  })

  it('a half-yearly item owes the second half of 2026 by 15 January 2027', () => {
    const half: CatalogueItem = { ...quarterly, id: 'h', cadence: 'half-yearly', dueDays: 15 }
    const status = itemStatus(
      half,
      ctx('2027-01-20T08:00:00+08:00', {
        trackedSince: '2026-01-01',
        disclosures: [
          published({ year: 2026, half: 1 }, '2026-07-08T10:00:00+08:00', { catalogueItem: 'h' }),
        ],
      }),
    )
    expect(status.missed.map((o) => o.period)).toEqual([{ year: 2026, half: 2 }])
    expect(status.daysOverdue).toBe(5)
    expect(status.last?.period).toEqual({ year: 2026, half: 1 })
  })
})

describe('an item due within 7 days of a residents’ representatives’ meeting', () => {
  const meetings = [
    meeting(
      'm1',
      '关于召开2026年第四季度居民代表会议的通知',
      '2026-11-28T14:00:00+08:00',
      '2026-11-28T16:00:00+08:00',
    ),
    meeting(
      'm2',
      '关于召开居民区联席会议的通知',
      '2026-11-12T14:00:00+08:00',
      '2026-11-12T15:30:00+08:00',
    ),
    meeting(
      'm3',
      '关于召开2027年第一次居民代表会议的通知',
      '2027-02-27T14:00:00+08:00',
      '2027-02-27T16:00:00+08:00',
    ),
  ]
  const resolution = (publishedAt: string, relatedNotice?: string) =>
    published({ year: 2026, month: 12 }, publishedAt, {
      category: 'resolution',
      catalogueItem: 'resolutions',
      relatedNotice: relatedNotice ?? null,
    })

  it('after the meeting, the resolution is due 7 days from the day it was held', () => {
    const status = itemStatus(resolutions, ctx('2026-12-01T09:00:00+08:00', { meetings }))
    expect(status.state).toBe('due-soon')
    expect(status.next?.meeting?.id).toBe('m1')
    expect(isoDay(status.next!.dueDay)).toBe('2026-12-05')
  })

  it('a joint meeting (联席会议) is not a residents’ meeting and owes nothing here', () => {
    const status = itemStatus(resolutions, ctx('2026-11-27T09:00:00+08:00', { meetings }))
    expect(status.missed).toEqual([])
    // The next residents' meeting has not been held yet: its resolution is due 7 days after it.
    expect(status.next?.meeting?.id).toBe('m1')
    expect(status.state).toBe('ok')
  })

  it('is overdue the day after, until the resolution is published', () => {
    const late = itemStatus(resolutions, ctx('2026-12-06T09:00:00+08:00', { meetings }))
    expect(late.state).toBe('overdue')
    expect(late.daysOverdue).toBe(1)
    expect(late.missed.map((o) => o.meeting?.id)).toEqual(['m1'])
    expect(late.next?.meeting?.id).toBe('m3')
  })

  it('a resolution naming the meeting, or published after it without naming one, fulfils it', () => {
    for (const d of [
      resolution('2026-12-03T10:00:00+08:00', 'm1'),
      resolution('2026-12-03T10:00:00+08:00'),
    ]) {
      const status = itemStatus(
        resolutions,
        ctx('2026-12-10T09:00:00+08:00', { meetings, disclosures: [d] }),
      )
      expect(status.state).toBe('ok')
      expect(status.last?.disclosure.id).toBe(d.id)
    }
  })

  it('a resolution published before the meeting does not fulfil it', () => {
    const early = resolution('2026-11-20T10:00:00+08:00')
    const status = itemStatus(
      resolutions,
      ctx('2026-12-10T09:00:00+08:00', { meetings, disclosures: [early] }),
    )
    expect(status.state).toBe('overdue')
  })
})

describe('any-time items and untracked communities', () => {
  it('an any-time item is never late and shows its latest publication', () => {
    const d = [
      published({ year: 2026 }, '2026-01-12T10:00:00+08:00', {
        category: 'other',
        catalogueItem: 'major',
      }),
      published({ year: 2026, month: 9 }, '2026-09-24T10:00:00+08:00', {
        category: 'other',
        catalogueItem: 'major',
      }),
    ]
    const status = itemStatus(anyTime, ctx('2026-12-01T10:00:00+08:00', { disclosures: d }))
    expect(status.state).toBe('any-time')
    expect(status.last?.disclosure.id).toBe(d[1].id)
    expect(status.missed).toEqual([])
  })

  it('a community the site does not track gets its publications listed and no lateness claimed', () => {
    const status = itemStatus(
      quarterly,
      ctx('2026-12-01T10:00:00+08:00', { trackedSince: null, disclosures: allOf2026() }),
    )
    expect(status.state).toBe('untracked')
    expect(status.missed).toEqual([])
    expect(status.last?.period).toEqual({ year: 2026, quarter: 3 })
  })
})

describe("a community's catalogue", () => {
  const chosen: CatalogueItem = {
    ...quarterly,
    id: 'public-revenue',
    cadence: 'monthly',
    appliesTo: 'chosen',
    communities: ['other'],
  }

  it('lists the items that apply to it, in catalogue order, and counts overdue and due-soon ones', () => {
    const status = communityStatus(
      [quarterly, chosen, resolutions, anyTime],
      ctx('2026-12-01T09:00:00+08:00', {
        meetings: [
          meeting(
            'm1',
            '2026年第四季度居民代表会议',
            '2026-11-28T14:00:00+08:00',
            '2026-11-28T16:00:00+08:00',
          ),
        ],
      }),
    )
    expect(status.items.map((s) => s.item.id)).toEqual(['finance-q', 'resolutions', 'major'])
    expect(status.items.map((s) => s.state)).toEqual(['overdue', 'due-soon', 'any-time'])
    expect([status.overdue, status.dueSoon]).toEqual([1, 1])
  })
})

describe('deriving the item a disclosure fulfils', () => {
  const monthlyFinance: CatalogueItem = {
    ...quarterly,
    id: 'monthly',
    cadence: 'monthly',
    appliesTo: 'chosen',
    communities: ['shili'],
  }
  const minutes: CatalogueItem = { ...resolutions, id: 'minutes', category: 'minutes' }
  const items = [quarterly, monthlyFinance, resolutions, minutes, anyTime]
  const derive = (category: string, period: Period, community = 'shili') =>
    deriveCatalogueItem({ category, period, community }, items)?.id ?? null

  it('takes the one item whose category and cadence fit the period', () => {
    expect(derive('finance', { year: 2026, quarter: 3 })).toBe('finance-q')
    expect(derive('finance', { year: 2026, month: 9 })).toBe('monthly')
    expect(derive('minutes', { year: 2026, month: 11 })).toBe('minutes')
    expect(derive('other', { year: 2026 })).toBe('major')
  })

  it('does not guess when no item fits or two do, nor use items of other communities', () => {
    expect(derive('finance', { year: 2026, month: 9 }, 'lijiang')).toBeNull()
    expect(derive('finance', { year: 2026 })).toBeNull()
    expect(derive('election-result', { year: 2026 })).toBeNull()
    const twice = [...items, { ...quarterly, id: 'repair-fund' }]
    expect(
      deriveCatalogueItem(
        { category: 'finance', period: { year: 2026, quarter: 1 }, community: 'shili' },
        twice,
      ),
    ).toBeNull()
  })
})
