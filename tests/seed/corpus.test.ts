import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportContent } from '../../cms/seed/exportContent.ts'
import { seedContent, type SeedCounts } from '../../cms/seed/seedContent.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { contentRoot, repoRoot } from '../helpers/paths.ts'
import { databaseSnapshot } from '../helpers/snapshot.ts'

/**
 * The facts the corpus was written from (names, titles and pages from the source casebooks), kept
 * beside the tests: an independent source of the expected counts.
 */
const facts = JSON.parse(
  readFileSync(path.join(repoRoot, 'tests/fixtures/source-facts.json'), 'utf8'),
)

const filesIn = (folder: string, ext = '.md') =>
  readdirSync(path.join(contentRoot, folder)).filter((name) => name.endsWith(ext))

let cms: TestCms
let firstRun: Record<string, SeedCounts>

const all = async <C extends CollectionSlug>(collection: C) =>
  (await cms.payload.find({ collection, depth: 0, pagination: false, overrideAccess: true })).docs

beforeAll(async () => {
  cms = await startCms()
  const started = Date.now()
  const result = await seedContent(cms.payload, contentRoot)
  console.log(
    `seeded the corpus into an empty database in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  )
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n'))
  firstRun = result.counts
})
afterAll(async () => cms?.close())

describe('the whole corpus loads', () => {
  it('every one of the 172 cases, with its title and page as printed', async () => {
    const cases = await all('case-studies')
    expect(cases).toHaveLength(facts.cases.length)
    const stored = cases.map((doc) => `${doc.title} p.${doc.source?.page ?? '-'}`).sort()
    const expected = facts.cases
      .map((c: { title_zh: string; page?: number | null }) => `${c.title_zh} p.${c.page ?? '-'}`)
      .sort()
    expect(stored).toEqual(expected)
  })

  it("every brand project, plus the demo community's own", async () => {
    const [demo] = (await all('communities')).filter((c) => c.demo)
    const projects = await all('brand-projects')
    expect(projects.filter((p) => String(p.community) !== String(demo.id))).toHaveLength(
      facts.brand_projects.length,
    )
  })

  it('every community named in the sources, plus the one demo community', async () => {
    const communities = await all('communities')
    const named = [...facts.communities_shanghai_and_other, ...facts.communities_ningbo]
    expect(communities).toHaveLength(named.length + 1)
    expect(communities.filter((c) => c.demo).map((c) => c.slug)).toEqual(['shili'])
  })

  it('every district and street/town named in the sources', async () => {
    const districts = new Set((await all('districts')).map((d) => d.name))
    const streets = new Set((await all('streets')).map((s) => s.name))
    for (const place of [
      ...facts.streets_towns,
      ...facts.communities_shanghai_and_other,
      ...facts.communities_ningbo,
    ]) {
      if (place.district_zh) expect(districts, place.district_zh).toContain(place.district_zh)
      const street =
        place.kind === 'town' || place.kind === 'street' ? place.name_zh : place.street_town_zh
      if (street) expect(streets, street).toContain(street)
    }
  })

  it('one document per file in every folder', () => {
    const expected: Record<string, number> = {
      notices: filesIn('notices').length,
      disclosures: filesIn('disclosures').length,
      'problem-categories': filesIn('problem-categories', '.yaml').length,
      mechanisms: filesIn('mechanisms', '.yaml').length,
      sources: filesIn('sources', '.yaml').length,
      media: readdirSync(path.join(contentRoot, 'media')).filter((name) => !name.endsWith('.yaml'))
        .length,
    }
    for (const [collection, count] of Object.entries(expected)) {
      expect(firstRun[collection], collection).toEqual({ created: count, updated: 0, unchanged: 0 })
    }
  })

  it('the mechanisms the site is built around exist', async () => {
    const names = (await all('mechanisms')).map((m) => m.name)
    for (const name of [
      '听证会',
      '协调会',
      '评议会',
      '议事会',
      '居民会议',
      '联席会议',
      '开放空间',
      '自治金',
    ]) {
      expect(names).toContain(name)
    }
  })
})

describe('the demo community', () => {
  it('holds all the fictional notices and disclosures, and no real community holds any', async () => {
    const [demo] = (await all('communities')).filter((c) => c.demo)
    for (const collection of ['notices', 'disclosures'] as const) {
      const docs = await all(collection)
      expect(docs.every((doc) => String(doc.community) === String(demo.id))).toBe(true)
    }
  })

  it('has at least 30 notices covering every kind, with meetings past and upcoming', async () => {
    const notices = await all('notices')
    expect(notices.length).toBeGreaterThanOrEqual(30)
    const kinds = new Set(notices.map((n) => n.kind))
    expect([...kinds].sort()).toEqual([
      'activity',
      'consultation',
      'election',
      'meeting',
      'other',
      'publicity',
    ])
    const meetings = notices.filter((n) => n.kind === 'meeting')
    expect(meetings.every((m) => m.meeting?.startsAt && m.meeting?.place)).toBe(true)
    const now = Date.now()
    const start = (m: (typeof meetings)[number]) => Date.parse(m.meeting?.startsAt ?? '')
    expect(meetings.some((m) => start(m) < now)).toBe(true)
    expect(meetings.some((m) => start(m) > now)).toBe(true)
    expect(notices.some((n) => n.validUntil && Date.parse(n.validUntil) < now)).toBe(true)
  })

  it('has at least 12 disclosures, several of them finance tables with server-computed totals', async () => {
    const disclosures = await all('disclosures')
    expect(disclosures.length).toBeGreaterThanOrEqual(12)
    const tables = disclosures.filter((d) => (d.lineItems ?? []).length > 0)
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const table of tables) {
      const sum = (direction: string) =>
        (table.lineItems ?? [])
          .filter((i) => i.direction === direction)
          .reduce((s, i) => s + Math.round(i.amount * 100), 0) / 100
      expect(table.totals).toEqual({
        income: sum('income'),
        expense: sum('expense'),
        balance: (Math.round(sum('income') * 100) - Math.round(sum('expense') * 100)) / 100,
      })
    }
  })
})

describe('drafts in content/', () => {
  it('are stored as drafts and invisible to the public', async () => {
    const draftFiles = filesIn('notices').filter((name) =>
      /^status: draft$/m.test(readFileSync(path.join(contentRoot, 'notices', name), 'utf8')),
    )
    expect(draftFiles.length).toBeGreaterThan(0)
    const publicSlugs = (
      await cms.payload.find({ collection: 'notices', pagination: false, overrideAccess: false })
    ).docs.map((d) => d.slug)
    for (const file of draftFiles) expect(publicSlugs).not.toContain(path.basename(file, '.md'))
  })
})

describe('seeding again', () => {
  it('changes nothing', async () => {
    const before = await databaseSnapshot(cms.payload)
    const versionsBefore = await cms.payload.countVersions({ collection: 'notices' })
    const result = await seedContent(cms.payload, contentRoot)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    for (const counts of Object.values(result.counts))
      expect(counts.created + counts.updated).toBe(0)
    expect(await databaseSnapshot(cms.payload)).toEqual(before)
    expect(await cms.payload.countVersions({ collection: 'notices' })).toEqual(versionsBefore)
  })
})

describe('export', () => {
  it('writes back exactly the files that were seeded (a lossless round trip)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'export-'))
    try {
      await exportContent(cms.payload, out)
      const list = (root: string, dir = ''): string[] =>
        readdirSync(path.join(root, dir)).flatMap((name) => {
          const rel = path.join(dir, name)
          return statSync(path.join(root, rel)).isDirectory() ? list(root, rel) : [rel]
        })
      const source = list(contentRoot)
        .filter((file) => file !== 'README.md')
        .sort()
      expect(list(out).sort()).toEqual(source)
      for (const file of source) {
        expect(
          readFileSync(path.join(out, file)).equals(readFileSync(path.join(contentRoot, file))),
          file,
        ).toBe(true)
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
