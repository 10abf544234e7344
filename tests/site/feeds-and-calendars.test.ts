import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { routes } from '../../site/lib/routes.ts'
import { ensureBuiltSite, pageFile, readSite, siteDataDir } from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'

/** Feeds and calendars, read back with real parsers and compared with the database. */
let cms: TestCms
// Documents of any collection with their relations populated, read field by field as each test needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>
const published = async (collection: CollectionSlug) =>
  (await cms.payload.find({ collection, depth: 1, pagination: false, overrideAccess: false }))
    .docs as Doc[]

beforeAll(async () => {
  await ensureBuiltSite()
  cms = await startCms({ existingDataDir: siteDataDir })
})
afterAll(async () => cms?.close())

const rssItems = (url: string) => {
  const feed = new XMLParser().parse(readSite(pageFile(url)))
  const items = feed.rss.channel.item
  return (Array.isArray(items) ? items : [items]) as Array<{
    title: string
    link: string
    pubDate: string
  }>
}

describe('RSS', () => {
  it('the community feed lists its published notices and disclosures, newest first, with absolute links', async () => {
    const items = rssItems(routes.communityRss('shili'))
    const notices = (await published('notices')).filter((n) => n.community.slug === 'shili')
    const disclosures = (await published('disclosures')).filter((d) => d.community.slug === 'shili')
    const expected = [...notices, ...disclosures].map((d) => d.title).sort()
    expect(items.map((i) => i.title).sort()).toEqual(expected)
    for (const item of items) {
      expect(item.link).toMatch(/^https:\/\/example\.org\/shequ\/shili\//)
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false)
    }
    const times = items.map((i) => Date.parse(i.pubDate))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('the site-wide feed parses and links into the site', () => {
    const items = rssItems(routes.rss())
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) expect(item.link).toMatch(/^https:\/\/example\.org\//)
  })
})

describe('iCalendar', () => {
  it('each meeting notice downloads as one event at the meeting time and place', async () => {
    const meetings = (await published('notices')).filter((n) => n.kind === 'meeting')
    expect(meetings.length).toBeGreaterThan(5)
    for (const notice of meetings) {
      const calendar = new ICAL.Component(
        ICAL.parse(readSite(pageFile(routes.noticeIcs(notice.community.slug, notice.slug)))),
      )
      const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
      expect(events).toHaveLength(1)
      expect(events[0].startDate.toJSDate().toISOString()).toEqual(
        new Date(notice.meeting.startsAt).toISOString(),
      )
      if (notice.meeting.endsAt)
        expect(events[0].endDate.toJSDate().toISOString()).toEqual(
          new Date(notice.meeting.endsAt).toISOString(),
        )
      expect(events[0].location).toEqual(notice.meeting.place)
      expect(events[0].summary).toEqual(notice.title)
      expect(events[0].uid).toBeTruthy()
    }
  })

  it('the community calendar holds every one of its meetings, each with a distinct UID', async () => {
    const meetings = (await published('notices')).filter(
      (n) => n.kind === 'meeting' && n.community.slug === 'shili',
    )
    const calendar = new ICAL.Component(
      ICAL.parse(readSite(pageFile(routes.communityCalendar('shili')))),
    )
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    expect(events.map((e) => e.summary).sort()).toEqual(meetings.map((m) => m.title).sort())
    expect(new Set(events.map((e) => e.uid)).size).toEqual(events.length)
  })
})

describe('CSV downloads', () => {
  it('hold every line item and the totals, readable by Excel (UTF-8 with BOM)', async () => {
    const tables = (await published('disclosures')).filter((d) => d.lineItems?.length)
    expect(tables.length).toBeGreaterThan(2)
    for (const table of tables) {
      const csv = readSite(pageFile(routes.disclosureCsv(table.community.slug, table.slug)))
      expect(csv.charCodeAt(0)).toBe(0xfeff)
      for (const line of table.lineItems) expect(csv).toContain(line.item)
      expect(csv).toContain(table.totals.balance.toFixed(2))
    }
  })
})
