/**
 * The build benchmark measures what it generates, so the generated district must be one the CMS
 * accepts and one that looks like a real district: this runs the generator's own entry point at a
 * tiny N on a copy of the corpus database and reads back what it wrote. The shape at larger N (how
 * committees fall into streets and districts) is checked on the generator's plan alone.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ITEMS_PER_COMMITTEE, plan, seededRandom, today } from '../../site/bench/generate.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { contentRoot, nodeBin, repoRoot } from '../helpers/paths.ts'

const N = 200

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of every generated collection, read field by field
type Doc = Record<string, any> & { id: string | number }

let cms: TestCms
let payload: Payload
let report: { items: number; counts: Record<string, number>; committees: number }
let committeeIds: (string | number)[]

const all = async (collection: 'notices' | 'disclosures' | 'case-studies' | 'brand-projects') =>
  (
    await payload.find({
      collection,
      where: { community: { in: committeeIds } },
      pagination: false,
      depth: 0,
      draft: true,
      overrideAccess: true,
    })
  ).docs as unknown as Doc[]

beforeAll(async () => {
  const dataDir = await copyOfCorpus('bench-generate-')
  const reportFile = path.join(dataDir, 'generated.json')
  execFileSync(
    nodeBin,
    [path.join(repoRoot, 'site/bench/generate.ts'), String(N), '--report', reportFile],
    {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URI: '', MEDIA_DIR: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  report = JSON.parse(readFileSync(reportFile, 'utf8'))
  cms = await startCms({ existingDataDir: dataDir })
  payload = cms.payload
  const committees = await payload.find({
    collection: 'communities',
    where: { slug: { like: '-s' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  committeeIds = committees.docs
    .filter((doc) => /-s\d+$/.test(String(doc.slug)))
    .map((doc) => doc.id)
})

afterAll(async () => {
  await cms?.close()
  if (cms) rmSync(cms.dataDir, { recursive: true, force: true })
})

describe('the generated items', () => {
  it('are N items, mostly notices and disclosures, with a small library of cases and projects', async () => {
    const [notices, disclosures, cases, brands] = await Promise.all([
      all('notices'),
      all('disclosures'),
      all('case-studies'),
      all('brand-projects'),
    ])
    expect(committeeIds).toHaveLength(report.committees)
    expect(notices.length + disclosures.length + cases.length + brands.length).toBe(N)
    expect(report.items).toBe(N)
    expect(notices.length / N).toBeGreaterThan(0.6)
    expect(disclosures.length / N).toBeGreaterThan(0.12)
    expect((cases.length + brands.length) / N).toBeLessThanOrEqual(0.03)
    expect(cases.length).toBeGreaterThan(0)
  })

  it('include meetings with a time and place, expired and pinned notices, and drafts stay drafts', async () => {
    const notices = await all('notices')
    const meetings = notices.filter((doc) => doc.kind === 'meeting')
    expect(meetings.length).toBeGreaterThan(10)
    for (const doc of meetings) {
      expect(Date.parse(doc.meeting.endsAt)).toBeGreaterThan(Date.parse(doc.meeting.startsAt))
      expect(doc.meeting.place).toBeTruthy()
    }
    expect(
      notices.filter((doc) => doc.validUntil && Date.parse(doc.validUntil) < Date.now()).length,
    ).toBeGreaterThan(10)
    expect(notices.filter((doc) => doc.pinned).length).toBeGreaterThan(0)
    expect(notices.every((doc) => Date.parse(doc.publishedAt) <= Date.now())).toBe(true)
    // A week of notices each week: the newest is recent, the oldest over a year back.
    const dates = notices.map((doc) => Date.parse(doc.publishedAt)).sort((a, b) => a - b)
    expect(Date.now() - dates.at(-1)!).toBeLessThan(14 * 86_400_000)
    expect(Date.now() - dates[0]).toBeGreaterThan(365 * 86_400_000)
  })

  it('have finance tables whose totals the CMS computes and accepts on an ordinary save', async () => {
    const finance = (await all('disclosures')).filter((doc) => doc.category === 'finance')
    expect(finance.length).toBeGreaterThan(5)
    for (const doc of finance) {
      const fen = (direction: string) =>
        doc.lineItems
          .filter((line: Doc) => line.direction === direction)
          .reduce((sum: number, line: Doc) => sum + Math.round(line.amount * 100), 0)
      expect(doc.totals.income).toBe(fen('income') / 100)
      expect(doc.totals.balance).toBe((fen('income') - fen('expense')) / 100)
    }
    // Saved again outside the seeding context, every hook and validator runs: it must be accepted as is.
    const [first] = finance
    const saved = (await payload.update({
      collection: 'disclosures',
      id: first.id,
      data: { lineItems: first.lineItems, _status: 'published' } as never,
      overrideAccess: true,
    })) as unknown as Doc
    expect(saved.totals).toEqual(first.totals)
  })

  it('have minutes that follow their own meeting notice', async () => {
    const notices = new Map((await all('notices')).map((doc) => [doc.id, doc]))
    const minutes = (await all('disclosures')).filter((doc) => doc.relatedNotice)
    expect(minutes.length).toBeGreaterThan(0)
    for (const doc of minutes) {
      const meeting = notices.get(doc.relatedNotice)!
      expect(meeting.kind).toBe('meeting')
      expect(meeting.community).toBe(doc.community)
      expect(Date.parse(doc.publishedAt)).toBeGreaterThan(Date.parse(meeting.meeting.startsAt))
    }
  })

  it('are written in sentences of the corpus', async () => {
    const corpus = readdirSync(contentRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => readFileSync(path.join(contentRoot, file), 'utf8'))
      .join('\n')
    const summaries = (await all('notices')).map((doc) => doc.summary as string)
    expect(summaries.filter((summary) => corpus.includes(summary)).length).toBe(summaries.length)
  })
})

describe('the generated district at scale', () => {
  const sentence = () => '居民议事会讨论了方案。'
  const outside = (sizes: number[], min: number, max: number) =>
    sizes.filter((size) => size < min || size > max)
  it('has one committee per ~500 items, in streets of 10–30 and, from 100 committees, districts of 100–300', () => {
    for (const count of [30_000, 150_000]) {
      const { committees, streets, districts, items } = plan(
        count,
        today(),
        seededRandom(),
        sentence,
      )
      expect(items).toHaveLength(count)
      expect(committees.length).toBe(Math.round(count / ITEMS_PER_COMMITTEE))
      const perStreet = streets.map((s) => committees.filter((c) => c.street === s.key).length)
      expect(outside(perStreet, 10, 30)).toEqual([])
      const perDistrict = districts.map(
        (d) => committees.filter((c) => c.district === d.key).length,
      )
      if (committees.length < 100) expect(perDistrict).toEqual([committees.length])
      else expect(outside(perDistrict, 100, 300)).toEqual([])
      // A committee's street lies in its own district.
      for (const c of committees)
        expect(streets.find((s) => s.key === c.street)!.district).toBe(c.district)
    }
  })
})
