import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'node-html-parser'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CITY_LABELS } from '../../cms/labels.ts'
import { routes } from '../../site/lib/routes.ts'
import {
  ensureBuiltSite,
  pageFile,
  readSite,
  siteDataDir,
  siteDir,
  siteFiles,
} from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import {
  CORRECTED_DISCLOSURE,
  CORRECTION_NOTE,
  DRAFT_MARK,
  PRIVATE_FILE_MARK,
} from '../helpers/siteFixtureValues.ts'

/**
 * The built site against the database it was built from: every published item has its page, and no
 * draft (nor the draft revision of a published item) appears in any file: pages, feeds, calendars,
 * CSV downloads or the sitemap. No uploaded file reaches dist/ unless a published document uses it.
 */
let cms: TestCms
let textFiles: string[]

// Documents of any collection with their relations populated, read field by field as each test needs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>
const all = async (collection: CollectionSlug, publicOnly: boolean) =>
  (
    await cms.payload.find({
      collection,
      depth: 1,
      pagination: false,
      overrideAccess: !publicOnly,
      ...(publicOnly ? {} : { draft: true }),
    })
  ).docs as Doc[]

beforeAll(async () => {
  await ensureBuiltSite()
  cms = await startCms({ existingDataDir: siteDataDir })
  textFiles = siteFiles().filter((file) => /\.(html|xml|ics|csv|txt|json)$/.test(file))
})
afterAll(async () => cms?.close())

const exists = (url: string) => existsSync(path.join(siteDir, pageFile(url)))

describe('every published item has a page', () => {
  it.each([
    ['notices', (d: Doc) => routes.notice(d.community.slug, d.slug)],
    ['disclosures', (d: Doc) => routes.disclosure(d.community.slug, d.slug)],
    ['case-studies', (d: Doc) => routes.caseStudy(d.slug)],
    ['brand-projects', (d: Doc) => routes.brandProject(d.slug)],
    ['communities', (d: Doc) => routes.community(d.slug)],
    ['districts', (d: Doc) => routes.district(d.slug)],
    ['streets', (d: Doc) => routes.street(d.slug)],
  ] as Array<[CollectionSlug, (d: Doc) => string]>)('%s', async (collection, url) => {
    const docs = await all(collection, true)
    expect(docs.length).toBeGreaterThan(0)
    const missing = docs.map(url).filter((u) => !exists(u))
    expect(missing).toEqual([])
  })

  it('every meeting notice has its calendar file, every finance table its CSV', async () => {
    const meetings = (await all('notices', true)).filter((n) => n.kind === 'meeting')
    expect(
      meetings.map((n) => routes.noticeIcs(n.community.slug, n.slug)).filter((u) => !exists(u)),
    ).toEqual([])
    const tables = (await all('disclosures', true)).filter((d) => d.lineItems?.length)
    expect(
      tables.map((d) => routes.disclosureCsv(d.community.slug, d.slug)).filter((u) => !exists(u)),
    ).toEqual([])
  })

  it('every problem category and mechanism used by a case has its facet page', async () => {
    const cases = await all('case-studies', true)
    const used = (field: string) =>
      new Set(cases.flatMap((c) => (c[field] ?? []).map((t: Doc) => t.slug)))
    for (const slug of used('problemCategories'))
      expect(exists(routes.casesByProblem(slug)), slug).toBe(true)
    for (const slug of used('mechanisms'))
      expect(exists(routes.casesByMechanism(slug)), slug).toBe(true)
  })
})

describe('no draft appears anywhere', () => {
  it('not the drafts added for this test, nor their slugs', () => {
    const leaks = textFiles.filter((file) => {
      const text = readSite(file)
      return text.includes(DRAFT_MARK) || text.includes('draft-leak-')
    })
    expect(leaks).toEqual([])
  })

  it('not the drafts that come with content/', async () => {
    const drafts: Doc[] = []
    for (const collection of [
      'notices',
      'disclosures',
      'brand-projects',
      'case-studies',
      'communities',
    ] as CollectionSlug[]) {
      const published = new Set((await all(collection, true)).map((d) => d.id))
      drafts.push(...(await all(collection, false)).filter((d) => !published.has(d.id)))
    }
    expect(drafts.length).toBeGreaterThanOrEqual(6)
    const needles = drafts.flatMap((d) => [d.title ?? d.name, `/${d.slug}/`, `/${d.slug}.`])
    const leaks = textFiles.flatMap((file) => {
      const text = readSite(file)
      return needles.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`)
    })
    expect(leaks).toEqual([])
  })

  it('the sitemap lists pages, none of them drafts', () => {
    const sitemap = siteFiles()
      .filter((file) => /^sitemap-\d+\.xml$/.test(file))
      .map(readSite)
      .join('\n')
    expect(sitemap).toContain(routes.community('shili'))
    expect(sitemap).not.toContain('draft-leak-')
  })

  it('the sitemap index names each sitemap file, and they list every page once, short links aside', () => {
    const locs = (file: string) =>
      [...readSite(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!))
    const files = locs('sitemap-index.xml').map((url) => url.pathname.slice(1))
    expect(files).toEqual(['sitemap-0.xml'])
    const listed = files.flatMap(locs)
    expect(new Set(listed.map((url) => url.origin))).toEqual(new Set(['https://example.org']))
    const pages = siteFiles()
      .filter((file) => /(^|\/)index\.html$/.test(file) && !file.startsWith('t/'))
      .map((file) => `/${file.slice(0, -'index.html'.length)}`)
    expect(listed.map((url) => decodeURI(url.pathname)).sort()).toEqual(pages.sort())
    expect(siteFiles().some((file) => file.startsWith('t/'))).toBe(true)
  })
})

describe('uploaded files reach dist/ only while a published document uses them', () => {
  it('every file the public may see is there; files only drafts use are not, by name or bytes', async () => {
    const media = (
      await cms.payload.find({
        collection: 'media',
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs as Doc[]
    const isPublic = (doc: Doc) => doc.isPublic === true
    expect(
      media
        .filter((doc) => !isPublic(doc))
        .map((doc) => doc.filename)
        .sort(),
    ).toEqual(
      ['draft.png', 'revision.png', 'scan.pdf', 'stale.png'].map((n) => PRIVATE_FILE_MARK + n),
    )
    for (const doc of media.filter(isPublic))
      expect(existsSync(path.join(siteDir, 'files', doc.filename)), doc.filename).toBe(true)

    const mediaDir = path.join(siteDataDir, 'media')
    const privateBytes = media
      .filter((doc) => !isPublic(doc))
      .map((doc) => readFileSync(path.join(mediaDir, doc.filename)))
    const leaks = siteFiles().filter((file) => {
      if (path.basename(file).startsWith(PRIVATE_FILE_MARK)) return true
      const bytes = readFileSync(path.join(siteDir, file))
      return privateBytes.some((secret) => bytes.equals(secret))
    })
    expect(leaks).toEqual([])
    expect(textFiles.filter((file) => readSite(file).includes(PRIVATE_FILE_MARK))).toEqual([])
  })
})

describe("a community's pages list only its own items", () => {
  it('notice and disclosure links on community pages stay within that community', () => {
    const offenders: string[] = []
    for (const file of textFiles.filter((f) => /^shequ\/[^/]+\//.test(f) && f.endsWith('.html'))) {
      const community = file.split('/')[1]
      const html = readSite(file)
      for (const [, other] of html.matchAll(/href="\/shequ\/([^/"]+)\/(?:tongzhi|gongkai)\//g)) {
        if (other !== community) offenders.push(`${file} → ${other}`)
      }
    }
    expect(offenders).toEqual([])
  })
})

describe('a disclosure corrected after publication', () => {
  it('shows its correction log (更正记录) with the note and the date', () => {
    const html = readSite(pageFile(routes.disclosure('shili', CORRECTED_DISCLOSURE)))
    expect(html).toContain('更正记录')
    expect(html).toContain(CORRECTION_NOTE)
    expect(html).toMatch(/<time datetime="[^"]+">2026年/)
  })
})

describe('districts are listed city by city', () => {
  const cityOrder = Object.values(CITY_LABELS) as string[]
  const cityOf = async () =>
    new Map(
      (await all('districts', true)).map((d) => [
        d.name as string,
        CITY_LABELS[d.city as keyof typeof CITY_LABELS],
      ]),
    )
  /** Each city once, in CITY_LABELS order: a city that comes back after another was split. */
  const expectCityRuns = (cities: string[]) => {
    const runs = cities.filter((city, i) => city !== cities[i - 1])
    expect(runs).toEqual(cityOrder.filter((city) => cities.includes(city)))
    expect(runs.length).toBeGreaterThan(1)
  }

  it('on /pinpai/, every district under its own city, the cities in order', async () => {
    const city = await cityOf()
    const headings = parse(readSite(pageFile(routes.brandProjects())))
      .querySelectorAll('h2')
      .filter((h) => h.querySelector('.heading-note'))
      .map((h) => ({
        district: h.childNodes[0].textContent.trim(),
        city: h.querySelector('.heading-note')!.textContent.trim(),
      }))
    expect(headings.filter((h) => city.get(h.district) !== h.city)).toEqual([])
    expectCityRuns(headings.map((h) => h.city))
  })

  it('on the home page, each city with its own districts, the cities in order', async () => {
    const city = await cityOf()
    const home = parse(readSite('index.html'))
    const listed = home
      .querySelectorAll('h3')
      .filter((h) => cityOrder.includes(h.textContent.trim()))
      .flatMap((h) =>
        h.nextElementSibling!.querySelectorAll('li a').map((a) => ({
          district: a.childNodes[0].textContent.trim(),
          city: h.textContent.trim(),
        })),
      )
    expect(listed.length).toBe(city.size)
    expect(listed.filter((l) => city.get(l.district) !== l.city)).toEqual([])
    expectCityRuns(listed.map((l) => l.city))
  })
})

describe('a brand project page', () => {
  it('shows its 合作与指导单位 exactly when it has them', async () => {
    const projects = await all('brand-projects', true)
    expect(projects.filter((p) => p.partners).length).toBeGreaterThanOrEqual(3)
    for (const project of projects) {
      const facts = parse(readSite(pageFile(routes.brandProject(project.slug))))
        .querySelectorAll('.facts dt')
        .map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim()])
      const shown = facts.find(([term]) => term === '合作与指导单位')?.[1]
      expect(shown, project.slug).toBe(project.partners ?? undefined)
    }
  })
})
