/**
 * The periods a disclosure can cover (a month, a quarter, a half-year, a year) and the calendar
 * arithmetic on them. A disclosure's `period` names the year and at most one of half, quarter or
 * month; that choice is its shape, which is what a periodic catalogue item's cadence asks for.
 */
import { dayOf, type Day, ymdOf } from '../beijingTime.ts'

export type Period = {
  year: number
  half?: number | null
  quarter?: number | null
  month?: number | null
}

export type PeriodShape = 'month' | 'quarter' | 'half' | 'year'

/** How many months a period of each shape spans. */
const MONTHS: Record<PeriodShape, number> = { month: 1, quarter: 3, half: 6, year: 12 }

export function periodShape(period: Period): PeriodShape {
  if (period.month != null) return 'month'
  if (period.quarter != null) return 'quarter'
  if (period.half != null) return 'half'
  return 'year'
}

/** Index of the period's first month within its year, 0-based. */
function firstMonthIndex(period: Period): number {
  switch (periodShape(period)) {
    case 'month':
      return period.month! - 1
    case 'quarter':
      return (period.quarter! - 1) * 3
    case 'half':
      return (period.half! - 1) * 6
    case 'year':
      return 0
  }
}

/** The period of a shape that starts at month index `index` (0-based, may run past the year). */
function periodAt(shape: PeriodShape, year: number, index: number): Period {
  const y = year + Math.floor(index / 12)
  const m = ((index % 12) + 12) % 12
  switch (shape) {
    case 'month':
      return { year: y, month: m + 1 }
    case 'quarter':
      return { year: y, quarter: Math.floor(m / 3) + 1 }
    case 'half':
      return { year: y, half: Math.floor(m / 6) + 1 }
    case 'year':
      return { year: y }
  }
}

/** The period of a shape that contains a day. */
export function periodContaining(shape: PeriodShape, day: Day): Period {
  const { year, month } = ymdOf(day)
  return periodAt(shape, year, month - 1)
}

export const nextPeriod = (period: Period): Period => {
  const shape = periodShape(period)
  return periodAt(shape, period.year, firstMonthIndex(period) + MONTHS[shape])
}

/** First day of the period. */
export const periodStart = (period: Period): Day =>
  dayOf(period.year, firstMonthIndex(period) + 1, 1)

/** Last day of the period (day 0 of the following month: 29 February in leap years). */
export const periodEnd = (period: Period): Day =>
  dayOf(period.year, firstMonthIndex(period) + MONTHS[periodShape(period)] + 1, 0)

export const samePeriod = (a: Period, b: Period): boolean =>
  a.year === b.year &&
  periodShape(a) === periodShape(b) &&
  firstMonthIndex(a) === firstMonthIndex(b)

/** Earlier periods sort first (by start, then by length). */
export const comparePeriods = (a: Period, b: Period): number =>
  periodStart(a) - periodStart(b) || periodEnd(a) - periodEnd(b)

const QUARTERS = ['一', '二', '三', '四']

/** 2026年10月 · 2026年第三季度 · 2026年上半年 · 2026年度 */
export function periodLabel(period: Period): string {
  switch (periodShape(period)) {
    case 'month':
      return `${period.year}年${period.month}月`
    case 'quarter':
      return `${period.year}年第${QUARTERS[period.quarter! - 1]}季度`
    case 'half':
      return `${period.year}年${period.half === 1 ? '上' : '下'}半年`
    case 'year':
      return `${period.year}年度`
  }
}
