/**
 * Dates as residents read them: Beijing time (UTC+8, no daylight saving), whatever the build
 * machine's time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

const beijing = (iso: string) => new Date(Date.parse(iso) + OFFSET_MS)

export type BeijingParts = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: string
}

export function beijingParts(iso: string): BeijingParts {
  const d = beijing(iso)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: WEEKDAYS[d.getUTCDay()],
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026年11月28日 */
export function formatDate(iso: string): string {
  const p = beijingParts(iso)
  return `${p.year}年${p.month}月${p.day}日`
}

/** 2026年11月28日（星期六）14:00 */
export function formatDateTime(iso: string): string {
  const p = beijingParts(iso)
  return `${p.year}年${p.month}月${p.day}日（星期${p.weekday}）${pad(p.hour)}:${pad(p.minute)}`
}

/** 14:00 */
export function formatTime(iso: string): string {
  const p = beijingParts(iso)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** 2026-11-28, for <time datetime> and sorting. */
export function isoDate(iso: string): string {
  const p = beijingParts(iso)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** A date-only field (stored as the start of its Beijing day) is valid through the end of that day. */
export function endOfBeijingDay(iso: string): number {
  const p = beijingParts(iso)
  return Date.parse(`${p.year}-${pad(p.month)}-${pad(p.day)}T23:59:59.999+08:00`)
}

/**
 * The moment the site is built: "now" for what counts as upcoming or expired. BUILD_TIME (ISO)
 * overrides it, so tests and previews can build the site as of a given day.
 */
export const buildTime = (): number =>
  process.env.BUILD_TIME ? Date.parse(process.env.BUILD_TIME) : Date.now()
