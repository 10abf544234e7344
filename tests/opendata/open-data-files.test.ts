import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { routes } from '../../site/lib/routes.ts'
import { CITY_FILES, SCHEMAS, schemaOf } from '../../site/opendata/registry.ts'
import { describeFields } from '../../site/opendata/schema.ts'
import {
  ensureBuiltSite,
  pageFile,
  readSite,
  siteDataDir,
  siteFiles,
} from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { csvRecords, schemaErrors } from '../helpers/openData.ts'
import { DRAFT_MARK } from '../helpers/siteFixtureValues.ts'

/**
 * Every open-data file of the built site against its JSON Schema (ajv, strict), the published
 * schemas against the ones the tests hold, and the files against the database: each holds what is
 * published and nothing else (the test site has drafts of every kind, see siteFixtures.ts).
 */
let cms: TestCms
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- open-data records of every kind
type Doc = Record<string, any>
const published = async (collection: CollectionSlug) =>
  (await cms.payload.find({ collection, depth: 1, pagination: false, overrideAccess: false }))
    .docs as Doc[]
const everything = async (collection: CollectionSlug) =>
  (
    await cms.payload.find({
      collection,
      depth: 1,
      pagination: false,
      overrideAccess: true,
      draft: true,
    })
  ).docs as Doc[]

beforeAll(async () => {
  await ensureBuiltSite()
  cms = await startCms({ existingDataDir: siteDataDir })
})
afterAll(async () => cms?.close())

const read = (url: string) => readSite(pageFile(url))
const json = (url: string) => JSON.parse(read(url))
const schema = (name: string) => schemaOf(name).schema

describe('every file passes its schema', () => {
  it('each committee’s data.json and data.csv', async () => {
    const communities = await published('communities')
    expect(communities.length).toBe(64)
    for (const community of communities) {
      const data = json(routes.communityData(community.slug))
      expect(schemaErrors(schema('community-data'), data), community.slug).toEqual([])
      for (const row of csvRecords(read(routes.communityDataCsv(community.slug))))
        expect(schemaErrors(schema('community-data-csv'), row), community.slug).toEqual([])
    }
  })

  it.each(CITY_FILES)('$file', ({ file, schema: name }) => {
    const text = read(routes.openDataFile(file))
    if (file.endsWith('.csv')) {
      const rows = csvRecords(text)
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(schemaErrors(schema(name), row)).toEqual([])
    } else expect(schemaErrors(schema(name), JSON.parse(text))).toEqual([])
  })

  it('the schemas published beside the files are these schemas, each with its address', () => {
    for (const { name, schema: expected } of SCHEMAS) {
      const served = json(routes.openDataSchema(name))
      expect(served.$id).toBe(`https://example.org${routes.openDataSchema(name)}`)
      expect({ ...served, $id: undefined }).toEqual({ ...expected, $id: undefined })
    }
  })
})

describe('the files hold what is published, and no draft', () => {
  it('each file says when what it holds last changed, so an unchanged file stays the same', async () => {
    const latest = (docs: Doc[]) =>
      docs
        .map((d) => d.updatedAt as string)
        .sort()
        .at(-1)
    const [notices, disclosures] = await Promise.all([
      published('notices'),
      published('disclosures'),
    ])
    for (const community of await published('communities')) {
      const own = (docs: Doc[]) => docs.filter((d) => d.community?.slug === community.slug)
      expect(json(routes.communityData(community.slug)).meta.updated, community.slug).toBe(
        latest([community, ...own(notices), ...own(disclosures)]),
      )
    }
    for (const [file, collection] of [
      ['cases.json', 'case-studies'],
      ['brand-projects.json', 'brand-projects'],
      ['communities.json', 'communities'],
    ] as const)
      expect(json(routes.openDataFile(file)).meta.updated, file).toBe(
        latest(await published(collection)),
      )
  })

  it('each committee’s file lists exactly its published notices and disclosures', async () => {
    const [notices, disclosures] = await Promise.all([
      published('notices'),
      published('disclosures'),
    ])
    for (const community of await published('communities')) {
      const data = json(routes.communityData(community.slug))
      const own = (docs: Doc[]) =>
        docs
          .filter((d) => d.community?.slug === community.slug)
          .map((d) => d.slug)
          .sort()
      expect(data.notices.map((n: Doc) => n.slug).sort(), community.slug).toEqual(own(notices))
      expect(data.disclosures.map((d: Doc) => d.slug).sort(), community.slug).toEqual(
        own(disclosures),
      )
    }
  })

  it('the published title of a notice whose newer draft is not yet published', async () => {
    const drafts = (await everything('notices')).filter((n) => n.title?.includes(DRAFT_MARK))
    expect(drafts.length).toBeGreaterThan(0)
    const files = siteFiles().filter(
      (file) => /(^|\/)data\.(json|csv)$/.test(file) || file.startsWith('kaifang-shuju/'),
    )
    expect(files.length).toBeGreaterThan(64 * 2)
    const leaks = files.filter((file) => {
      const text = readSite(file)
      return text.includes(DRAFT_MARK) || text.includes('draft-leak-')
    })
    expect(leaks).toEqual([])
  })

  it('finance line items are in both files, amounts to the fen', async () => {
    const data = json(routes.communityData('shili'))
    const finance = data.disclosures.find((d: Doc) => d.slug === '2026-q3-jingfei-shouzhi')
    expect(finance.lineItems.length).toBeGreaterThan(3)
    const rows = csvRecords(read(routes.communityDataCsv('shili'))).filter(
      (r) => r['标识'] === '2026-q3-jingfei-shouzhi',
    )
    expect(rows.map((r) => r['明细项目'])).toEqual(finance.lineItems.map((l: Doc) => l.item))
    expect(rows.map((r) => r['金额（元）'])).toEqual(
      finance.lineItems.map((l: Doc) => l.amount.toFixed(2)),
    )
  })

  it('cases and projects carry their GB/T 7714 citation; communities their service area', () => {
    const cases = json(routes.openDataFile('cases.json')).cases
    expect(cases.length).toBe(172)
    expect(cases.every((c: Doc) => c.source.citation)).toBe(true)
    const communities = json(routes.openDataFile('communities.json')).communities
    expect(communities.find((c: Doc) => c.slug === 'lijiang-shanshui').serviceArea).toEqual({
      estates: [{ name: '漓江山水花园', aliases: [], formerNames: [] }],
      roads: [{ road: '华泾路', from: 999, to: 999, parity: 'all', unit: 'lane' }],
    })
  })
})

describe('the 开放数据 page', () => {
  it('explains every field of every file, says when they were made and under which licence', () => {
    const html = read(routes.openData())
    for (const { schema: s, csv } of SCHEMAS) {
      const fields = csv ? Object.keys(s.properties!) : describeFields(s).map((f) => f.path)
      for (const field of fields) expect(html, field).toContain(`<code>${field}</code>`)
    }
    expect(html).toContain('本次生成时间')
    expect(html).toContain('2026-11-22T02:00:00.000Z')
    expect(html).toMatch(
      /<a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/[^"]*" rel="license">/,
    )
  })
})
