import { describe, expect, it } from 'vitest'

import { beijingDay, dayOf, endOfDay, isoDay } from '../../cms/beijingTime.ts'
import {
  nextPeriod,
  periodContaining,
  periodEnd,
  periodLabel,
  periodStart,
  type Period,
} from '../../cms/catalogue/periods.ts'
import { periodDueDay } from '../../cms/catalogue/status.ts'
import type { CatalogueItem } from '../../cms/catalogue/types.ts'

/**
 * Calendar arithmetic the catalogue's due dates rest on: Beijing days, period boundaries (month
 * ends, quarter and year turns, leap years) and the due day of each kind of periodic item. Expected
 * dates are written out as a calendar shows them.
 */

const day = (iso: string) => isoDay(beijingDay(iso))
const item = (cadence: CatalogueItem['cadence'], extra: Partial<CatalogueItem> = {}) =>
  ({
    id: 'x',
    name: 'x',
    category: 'finance',
    cadence,
    appliesTo: 'all',
    ...extra,
  }) as CatalogueItem
const due = (i: CatalogueItem, p: Period) => isoDay(periodDueDay(i, p))

describe('Beijing days', () => {
  it('a day runs from 00:00 to 23:59:59.999 Beijing time, which is 16:00 UTC the day before', () => {
    expect(day('2026-10-15T15:59:59.999Z')).toBe('2026-10-15')
    expect(day('2026-10-15T16:00:00.000Z')).toBe('2026-10-16')
    expect(day('2026-10-16T00:10:00+08:00')).toBe('2026-10-16')
    expect(new Date(endOfDay(dayOf(2026, 10, 15))).toISOString()).toBe('2026-10-15T15:59:59.999Z')
  })

  it('does not depend on the time zone of the machine', () => {
    const before = process.env.TZ
    const instants = ['2026-12-31T16:30:00Z', '2024-02-28T17:00:00Z', '2026-03-08T10:00:00Z']
    const inUtc = instants.map(day)
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
        process.env.TZ = zone
        expect(new Date('2026-07-01T00:00:00Z').getTimezoneOffset()).not.toBe(0)
        expect(instants.map(day)).toEqual(inUtc)
        expect(isoDay(periodEnd({ year: 2024, month: 2 }))).toBe('2024-02-29')
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
    expect(inUtc).toEqual(['2027-01-01', '2024-02-29', '2026-03-08'])
  })
})

describe('periods', () => {
  it('February ends on the 29th in leap years only (2000 and 2024, not 2025 or 2100)', () => {
    expect(isoDay(periodEnd({ year: 2024, month: 2 }))).toBe('2024-02-29')
    expect(isoDay(periodEnd({ year: 2000, month: 2 }))).toBe('2000-02-29')
    expect(isoDay(periodEnd({ year: 2025, month: 2 }))).toBe('2025-02-28')
    expect(isoDay(periodEnd({ year: 2100, month: 2 }))).toBe('2100-02-28')
  })

  it('quarters, halves and years start and end where the calendar says', () => {
    const span = (p: Period) => `${isoDay(periodStart(p))}..${isoDay(periodEnd(p))}`
    expect(span({ year: 2026, quarter: 1 })).toBe('2026-01-01..2026-03-31')
    expect(span({ year: 2026, quarter: 2 })).toBe('2026-04-01..2026-06-30')
    expect(span({ year: 2026, quarter: 3 })).toBe('2026-07-01..2026-09-30')
    expect(span({ year: 2026, quarter: 4 })).toBe('2026-10-01..2026-12-31')
    expect(span({ year: 2026, half: 1 })).toBe('2026-01-01..2026-06-30')
    expect(span({ year: 2026, half: 2 })).toBe('2026-07-01..2026-12-31')
    expect(span({ year: 2024 })).toBe('2024-01-01..2024-12-31')
    expect(span({ year: 2026, month: 4 })).toBe('2026-04-01..2026-04-30')
  })

  it('the period after the last of a year is the first of the next', () => {
    expect(nextPeriod({ year: 2025, month: 12 })).toEqual({ year: 2026, month: 1 })
    expect(nextPeriod({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 })
    expect(nextPeriod({ year: 2025, half: 2 })).toEqual({ year: 2026, half: 1 })
    expect(nextPeriod({ year: 2025 })).toEqual({ year: 2026 })
    expect(nextPeriod({ year: 2026, quarter: 2 })).toEqual({ year: 2026, quarter: 3 })
  })

  it('finds the period containing a day, including the last day of a quarter', () => {
    expect(periodContaining('quarter', dayOf(2026, 9, 30))).toEqual({ year: 2026, quarter: 3 })
    expect(periodContaining('quarter', dayOf(2026, 10, 1))).toEqual({ year: 2026, quarter: 4 })
    expect(periodContaining('half', dayOf(2026, 7, 1))).toEqual({ year: 2026, half: 2 })
    expect(periodContaining('month', dayOf(2024, 2, 29))).toEqual({ year: 2024, month: 2 })
    expect(periodContaining('year', dayOf(2026, 12, 31))).toEqual({ year: 2026 })
  })

  it('names periods as staff write them', () => {
    expect(periodLabel({ year: 2026, quarter: 3 })).toBe('2026年第三季度')
    expect(periodLabel({ year: 2026, half: 1 })).toBe('2026年上半年')
    expect(periodLabel({ year: 2026, half: 2 })).toBe('2026年下半年')
    expect(periodLabel({ year: 2026, month: 10 })).toBe('2026年10月')
    expect(periodLabel({ year: 2026 })).toBe('2026年度')
  })
})

describe("a period's due date", () => {
  it('quarterly, 15 days after the quarter: Q3 by 15 October, Q4 by 15 January of the next year', () => {
    const quarterly = item('quarterly', { dueDays: 15 })
    expect(due(quarterly, { year: 2026, quarter: 3 })).toBe('2026-10-15')
    expect(due(quarterly, { year: 2025, quarter: 4 })).toBe('2026-01-15')
    expect(due(quarterly, { year: 2026, quarter: 1 })).toBe('2026-04-15')
  })

  it('monthly, 10 days after the month: February is due on 10 March in leap and common years', () => {
    const monthly = item('monthly', { dueDays: 10 })
    // 29 Feb + 10 and 28 Feb + 10 are both 10 March: the month's true last day is used.
    expect(due(monthly, { year: 2024, month: 2 })).toBe('2024-03-10')
    expect(due(monthly, { year: 2025, month: 2 })).toBe('2025-03-10')
    expect(due(monthly, { year: 2024, month: 1 })).toBe('2024-02-10')
    expect(due(monthly, { year: 2025, month: 12 })).toBe('2026-01-10')
    expect(due(item('monthly', { dueDays: 30 }), { year: 2024, month: 1 })).toBe('2024-03-01')
    expect(due(item('monthly', { dueDays: 30 }), { year: 2025, month: 1 })).toBe('2025-03-02')
  })

  it('half-yearly and yearly, after the period ends', () => {
    expect(due(item('half-yearly', { dueDays: 15 }), { year: 2026, half: 1 })).toBe('2026-07-15')
    expect(due(item('half-yearly', { dueDays: 15 }), { year: 2025, half: 2 })).toBe('2026-01-15')
    expect(due(item('yearly', { dueDays: 31 }), { year: 2025 })).toBe('2026-01-31')
  })

  it('counted from the first day (a year’s budget): the first 60 days end on 29 February in a leap year', () => {
    const budget = item('yearly', { dueDays: 60, dueFrom: 'period-start' })
    expect(due(budget, { year: 2024 })).toBe('2024-02-29')
    expect(due(budget, { year: 2026 })).toBe('2026-03-01')
    expect(
      due(item('quarterly', { dueDays: 1, dueFrom: 'period-start' }), { year: 2026, quarter: 2 }),
    ).toBe('2026-04-01')
  })

  it('uses the documented defaults when an item gives no number of days', () => {
    expect(due(item('monthly'), { year: 2026, month: 4 })).toBe('2026-05-10')
    expect(due(item('quarterly'), { year: 2026, quarter: 2 })).toBe('2026-07-15')
    expect(due(item('half-yearly'), { year: 2026, half: 1 })).toBe('2026-07-15')
    expect(due(item('yearly'), { year: 2026 })).toBe('2027-01-31')
  })
})
