/**
 * A small iCalendar (RFC 5545) writer for meeting notices. The `ics` package would do, except that it
 * folds lines every 75 *characters*: the RFC counts octets, and a Chinese character is three octets in
 * UTF-8, so its lines run to 225 octets and strict parsers (some phone calendars among them) refuse them.
 */

export type CalendarEvent = {
  /** Globally unique and stable across builds, so a re-import updates the event instead of duplicating it. */
  uid: string
  /** ISO instants. */
  start: string
  end: string | null
  /** When the source was last changed: a fixed DTSTAMP keeps the file byte-identical between builds. */
  stamp: string
  summary: string
  location?: string | null
  description?: string | null
  url?: string
}

export type Calendar = {
  /** Shown by calendar apps for a subscribed calendar (X-WR-CALNAME, NAME). */
  name?: string
  /** How often a subscribed calendar should be refetched (ISO 8601 duration). */
  refresh?: string
  events: CalendarEvent[]
}

const encoder = new TextEncoder()
const octets = (text: string) => encoder.encode(text).length

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become the two characters \n. */
export const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/**
 * Splits a content line into lines of at most 75 octets (CRLF excluded); continuation lines start with
 * one space. Splits fall between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const width = octets(char)
    const limit = lines.length === 0 ? 75 : 74 // the leading space of a continuation counts
    if (size + width > limit) {
      lines.push(current)
      current = ''
      size = 0
    }
    current += char
    size += width
  }
  lines.push(current)
  return lines.join('\r\n ')
}

/** 2026-11-28T06:00:00.000Z → 20261128T060000Z (UTC form, so no VTIMEZONE is needed). */
export const utcDateTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

const property = (name: string, value: string) => foldLine(`${name}:${value}`)

function event(e: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    property('UID', e.uid),
    property('DTSTAMP', utcDateTime(e.stamp)),
    property('DTSTART', utcDateTime(e.start)),
    // Without DTEND the event lasts zero minutes (RFC 5545 §3.6.1): better than inventing an end.
    ...(e.end ? [property('DTEND', utcDateTime(e.end))] : []),
    property('SUMMARY', escapeText(e.summary)),
    ...(e.location ? [property('LOCATION', escapeText(e.location))] : []),
    ...(e.description ? [property('DESCRIPTION', escapeText(e.description))] : []),
    ...(e.url ? [property('URL', e.url)] : []),
    'END:VEVENT',
  ]
}

/** A complete VCALENDAR with CRLF line ends. */
export function icsCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jumin-zizhi//community meetings//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(calendar.name
      ? [
          property('X-WR-CALNAME', escapeText(calendar.name)),
          property('NAME', escapeText(calendar.name)),
        ]
      : []),
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...(calendar.refresh
      ? [
          `REFRESH-INTERVAL;VALUE=DURATION:${calendar.refresh}`,
          `X-PUBLISHED-TTL:${calendar.refresh}`,
        ]
      : []),
    ...calendar.events.flatMap(event),
    'END:VCALENDAR',
  ]
  return lines.join('\r\n') + '\r\n'
}
