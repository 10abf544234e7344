/**
 * Beijing time whatever the machine's zone: the instants either side of Beijing midnight (16:00 UTC)
 * land on the right calendar day in every form the site, the admin and content files use.
 */
import { describe, expect, it } from 'vitest'

import {
  endOfBeijingDay,
  formatDate,
  formatDateTime,
  isoDate,
  isoDateTime,
  parseDate,
  parseDateTime,
} from '../../cms/beijingTime.ts'

describe('an instant just after Beijing midnight', () => {
  const iso = '2026-11-27T16:05:00.000Z'
  it('is read on the Beijing day, not the UTC one', () => {
    expect(isoDate(iso)).toBe('2026-11-28')
    expect(isoDateTime(iso)).toBe('2026-11-28 00:05')
    expect(formatDate(iso)).toBe('2026年11月28日')
    expect(formatDateTime(iso)).toBe('2026年11月28日（星期六）00:05')
  })
  it('is written back to the same instant', () => {
    expect(parseDateTime(isoDateTime(iso))).toBe(iso)
    expect(parseDate(isoDate(iso))).toBe('2026-11-27T16:00:00.000Z')
  })
})

describe('a date-only field', () => {
  it('runs to the last millisecond of its Beijing day', () => {
    expect(new Date(endOfBeijingDay('2026-11-27T16:00:00.000Z')).toISOString()).toBe(
      '2026-11-28T15:59:59.999Z',
    )
  })
})

describe('text that is not a real date', () => {
  it('is refused rather than rolled over', () => {
    expect(parseDate('2026-02-30')).toBeNull()
    expect(parseDateTime('2026-02-29 09:00')).toBeNull()
    expect(parseDateTime('2028-02-29 09:00')).toBe('2028-02-29T01:00:00.000Z')
    expect(parseDateTime('2026-11-28 25:00')).toBeNull()
    expect(parseDate('2026-11-28 09:00')).toBeNull()
  })
})
