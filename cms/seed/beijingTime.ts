/**
 * Content files write times as Beijing wall-clock time (UTC+8, no daylight saving), the way
 * committee staff read them; the database stores ISO instants.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function isoFrom(
  year: string,
  month: string,
  day: string,
  hour = '00',
  minute = '00',
): string | null {
  const iso = `${year}-${month}-${day}T${hour}:${minute}:00+08:00`
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  // Reject dates JavaScript silently rolls over (2026-02-30 → 2026-03-02).
  const back = new Date(date.getTime() + OFFSET_MS)
  if (back.getUTCDate() !== Number(day) || back.getUTCMonth() + 1 !== Number(month)) return null
  return date.toISOString()
}

/** "2026-11-28 14:00" → ISO instant, or null if it is not a real date-time. */
export const parseDateTime = (text: string): string | null => {
  const match = DATE_TIME.exec(text)
  return match ? isoFrom(match[1], match[2], match[3], match[4], match[5]) : null
}

/** "2026-11-28" → the ISO instant that day starts in Beijing, or null. */
export const parseDate = (text: string): string | null => {
  const match = DATE.exec(text)
  return match ? isoFrom(match[1], match[2], match[3]) : null
}

const beijing = (iso: string) => new Date(new Date(iso).getTime() + OFFSET_MS).toISOString()

/** ISO instant → "2026-11-28 14:00" in Beijing time. */
export const formatDateTime = (iso: string): string => beijing(iso).slice(0, 16).replace('T', ' ')

/** ISO instant → "2026-11-28", the Beijing calendar day. */
export const formatDate = (iso: string): string => beijing(iso).slice(0, 10)
