/**
 * Calendar days in Beijing (UTC+8, no daylight saving), as whole numbers, so that "15 days after the
 * quarter ends" is integer arithmetic, whatever the server's own time zone. Day 0 is 1970-01-01.
 */
export type Day = number

const DAY_MS = 24 * 60 * 60 * 1000
const OFFSET_MS = 8 * 60 * 60 * 1000

/** The Beijing calendar day an instant (ISO string or epoch milliseconds) falls on. */
export const beijingDay = (instant: string | number): Day =>
  Math.floor(((typeof instant === 'number' ? instant : Date.parse(instant)) + OFFSET_MS) / DAY_MS)

/** The day of a calendar date; month 13 or day 0 roll over as in Date.UTC (used for month ends). */
export const dayOf = (year: number, month: number, day: number): Day =>
  Math.floor(Date.UTC(year, month - 1, day) / DAY_MS)

export const ymdOf = (day: Day) => {
  const date = new Date(day * DAY_MS)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** 2026-10-15 */
export const isoDay = (day: Day): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** 2026年10月15日 */
export const chineseDay = (day: Day): string => {
  const { year, month, day: d } = ymdOf(day)
  return `${year}年${month}月${d}日`
}

/** The last instant of a Beijing day (a due date holds until then). */
export const endOfDay = (day: Day): number => (day + 1) * DAY_MS - OFFSET_MS - 1
