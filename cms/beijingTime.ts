/**
 * Beijing time (UTC+8, no daylight saving), the one clock residents and committee staff read,
 * whatever the machine's time zone. The database stores ISO instants; content files write Beijing
 * wall-clock text ("2026-11-28 14:00"); the site and the admin show it in Chinese. Calendar days
 * as whole numbers (`Day`) make due dates ("15 days after the quarter ends") integer arithmetic.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export type BeijingParts = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: string
}

export function beijingParts(iso: string): BeijingParts {
  const d = new Date(Date.parse(iso) + OFFSET_MS)
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
  return `${formatDate(iso)}（星期${p.weekday}）${formatTime(iso)}`
}

/** 14:00 */
export function formatTime(iso: string): string {
  const p = beijingParts(iso)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** 2026-11-28: the Beijing calendar day, for <time datetime>, sorting and content files. */
export function isoDate(iso: string): string {
  const p = beijingParts(iso)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** 2026-11-28 14:00, as content files write a moment. */
export const isoDateTime = (iso: string): string => `${isoDate(iso)} ${formatTime(iso)}`

/** A date-only field (stored as the start of its Beijing day) is valid through the end of that day. */
export const endOfBeijingDay = (iso: string): number =>
  Date.parse(`${isoDate(iso)}T23:59:59.999+08:00`)

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function instant(year: string, month: string, day: string, hour = '00', minute = '00') {
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:00+08:00`)
  if (Number.isNaN(ms)) return null
  const iso = new Date(ms).toISOString()
  // Reject dates JavaScript silently rolls over (2026-02-30 → 2026-03-02).
  const back = beijingParts(iso)
  return back.day === Number(day) && back.month === Number(month) ? iso : null
}

/** "2026-11-28 14:00" → ISO instant, or null if it is not a real date-time. */
export const parseDateTime = (text: string): string | null => {
  const match = DATE_TIME.exec(text)
  return match ? instant(match[1], match[2], match[3], match[4], match[5]) : null
}

/** "2026-11-28" → the ISO instant that day starts in Beijing, or null. */
export const parseDate = (text: string): string | null => {
  const match = DATE.exec(text)
  return match ? instant(match[1], match[2], match[3]) : null
}

/** A Beijing calendar day as a whole number: day 0 is 1970-01-01. */
export type Day = number

const DAY_MS = 24 * 60 * 60 * 1000

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

/** The first instant of a Beijing day, as ISO (so the formatters above apply to days too). */
const dayStart = (day: Day): string => new Date(day * DAY_MS - OFFSET_MS).toISOString()

/** 2026-10-15 */
export const isoDay = (day: Day): string => isoDate(dayStart(day))

/** 2026年10月15日 */
export const chineseDay = (day: Day): string => formatDate(dayStart(day))

/** The last instant of a Beijing day (a due date holds until then). */
export const endOfDay = (day: Day): number => (day + 1) * DAY_MS - OFFSET_MS - 1
