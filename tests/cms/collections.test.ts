import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SLUG_PATTERN } from '../../cms/fields/slug.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'
import { refusal, type Refusal } from '../helpers/refusal.ts'

/**
 * Create/read/update/delete through the Local API for every collection, and the rules each one
 * enforces on its data: slugs, meeting notices, disclosure periods, places, publishing, drafts and
 * versions, the brand project's list of related cases, and the first account on an empty database.
 * Every refused write is checked to have left the database as it was.
 */

type Doc = Record<string, unknown> & { id: string | number }

let cms: TestCms
let payload: Payload
let world: Awaited<ReturnType<typeof createTwoCommunities>>
let serial = 0

const nextSlug = (prefix: string) => `${prefix}-${(serial += 1)}`
const sameId = (a: unknown, b: unknown) => String(a) === String(b)

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createTwoCommunities(payload)
})
afterAll(async () => cms?.close())

const count = async (collection: CollectionSlug) =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs

/** The document as stored (the published/main row for drafted collections), or undefined. */
async function stored(collection: CollectionSlug, id: string | number) {
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    overrideAccess: true,
    depth: 0,
  })
  return docs[0] as unknown as Doc | undefined
}

const errorPaths = (error: Refusal) => (error.data?.errors ?? []).map((e) => e.path)
const errorMessages = (error: Refusal) => (error.data?.errors ?? []).map((e) => e.message).join(' ')

/** Minimal valid data for each of the ten collections, with the field that names it. */
function minimalData(collection: CollectionSlug, slug?: string): Record<string, unknown> {
  const withSlug = (data: Record<string, unknown>) =>
    slug === undefined ? data : { ...data, slug }
  switch (collection) {
    case 'communities':
      return withSlug({
        name: `丙居委会${serial}`,
        kind: 'residents-committee',
        street: world.streetA.id,
        district: world.district.id,
        _status: 'published',
      })
    case 'notices':
    case 'disclosures':
    case 'brand-projects':
    case 'case-studies': {
      const data: Record<string, unknown> = sampleData(collection, {
        community: world.communityA.id,
        source: world.source.id,
        slug: slug ?? '',
      })
      if (slug === undefined) delete data.slug
      return data
    }
    case 'districts':
      return withSlug({ name: `新区${serial}`, city: 'shanghai' })
    case 'streets':
      return withSlug({ name: `新街道${serial}`, kind: 'town', district: world.district.id })
    case 'problem-categories':
      return withSlug({ name: `新问题${serial}`, description: '说明' })
    case 'mechanisms':
      return withSlug({ name: `新机制${serial}`, description: '说明' })
    case 'sources':
      return withSlug({ title: `新文献${serial}`, kind: 'article', publisher: '出版社' })
    default:
      throw new Error(`no data for ${collection}`)
  }
}

/** A text field of each collection that every staff edit may change. */
const EDITABLE: Record<string, string> = {
  communities: 'name',
  notices: 'summary',
  disclosures: 'summary',
  'brand-projects': 'slogan',
  'case-studies': 'summary',
  districts: 'name',
  streets: 'name',
  'problem-categories': 'description',
  mechanisms: 'description',
  sources: 'publisher',
}

const ALL: CollectionSlug[] = [
  'communities',
  'notices',
  'disclosures',
  'case-studies',
  'brand-projects',
  'districts',
  'streets',
  'problem-categories',
  'mechanisms',
  'sources',
]
const DRAFTED: CollectionSlug[] = [
  'communities',
  'notices',
  'disclosures',
  'case-studies',
  'brand-projects',
]

// Must run first: it needs the users collection still empty.
describe('the first account on an empty database', () => {
  it('becomes an admin, even when another role was asked for', async () => {
    expect(await count('users')).toEqual(0)
    const first = await payload.create({
      collection: 'users',
      data: {
        name: '第一位',
        email: 'first@example.test',
        password: 'first-password-1',
        role: 'editor',
      } as never,
      overrideAccess: true,
    })
    expect((await stored('users', first.id))?.role).toEqual('admin')
  })

  it('later accounts keep the role they are given', async () => {
    expect(await count('users')).toBeGreaterThan(0)
    const second = await createUser(payload, { role: 'editor', communities: [world.communityA.id] })
    expect((await stored('users', second.id))?.role).toEqual('editor')
  })
})

describe('with staff accounts', () => {
  let admin: TestUser

  beforeAll(async () => {
    admin = await createUser(payload, { role: 'admin' })
  })

  describe.each(ALL)('%s: create, read, update, delete', (collection) => {
    it('an admin creates a document, reads it back, changes it and deletes it', async () => {
      const before = await count(collection)
      const slug = nextSlug(collection)
      const created = (await payload.create({
        collection,
        data: minimalData(collection, slug) as never,
        ...as(admin),
      })) as unknown as Doc
      expect(await count(collection)).toEqual(before + 1)

      const read = (await payload.findByID({
        collection,
        id: created.id,
        depth: 0,
        ...as(admin),
      })) as unknown as Doc
      expect(read.slug).toEqual(slug)

      const field = EDITABLE[collection]!
      // A published disclosure is only changed with a change note (see tests/cms/publishing-workflow.test.ts).
      const note = collection === 'disclosures' ? { changeNote: '更正标题' } : {}
      await payload.update({
        collection,
        id: created.id,
        data: { [field]: `改过的 ${slug}`, ...note } as never,
        ...as(admin),
      })
      expect((await stored(collection, created.id))?.[field]).toEqual(`改过的 ${slug}`)

      await payload.delete({ collection, id: created.id, ...as(admin) })
      expect(await stored(collection, created.id)).toBeUndefined()
      expect(await count(collection)).toEqual(before)
    })
  })

  describe('slugs', () => {
    describe.each(ALL)('%s', (collection) => {
      it('a slug that is not lowercase words joined by hyphens is refused', async () => {
        const before = await count(collection)
        for (const bad of [
          'Upper',
          'with space',
          'trailing-',
          '-leading',
          'double--hyphen',
          'under_score',
          '中文别名',
        ]) {
          const error = await refusal(
            payload.create({
              collection,
              data: minimalData(collection, bad) as never,
              ...as(admin),
            }),
          )
          expect(errorPaths(error), bad).toEqual(['slug'])
          expect(errorMessages(error)).toMatch(/网址别名只能包含小写字母、数字和连字符/)
        }
        expect(await count(collection)).toEqual(before)
      })

      it('a slug already taken in the same collection is refused, on create and on update', async () => {
        const taken = nextSlug('taken')
        const first = (await payload.create({
          collection,
          data: minimalData(collection, taken) as never,
          ...as(admin),
        })) as unknown as Doc
        const before = await count(collection)
        const error = await refusal(
          payload.create({
            collection,
            data: minimalData(collection, taken) as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error)).toEqual(['slug'])
        expect(await count(collection)).toEqual(before)

        const otherSlug = nextSlug('other')
        const other = (await payload.create({
          collection,
          data: minimalData(collection, otherSlug) as never,
          ...as(admin),
        })) as unknown as Doc
        await refusal(
          payload.update({
            collection,
            id: other.id,
            data: { slug: taken } as never,
            ...as(admin),
          }),
        )
        expect((await stored(collection, other.id))?.slug).toEqual(otherSlug)
        expect((await stored(collection, first.id))?.slug).toEqual(taken)
      })

      it('a slug left empty is made from the title in lowercase ASCII pinyin', async () => {
        const data = minimalData(collection)
        const titleField = 'title' in data ? 'title' : 'name'
        data[titleField] = `浦东新区 ${(serial += 1)}`
        const doc = (await payload.create({
          collection,
          data: data as never,
          ...as(admin),
        })) as unknown as Doc
        const slug = String((await stored(collection, doc.id))?.slug)
        expect(slug).toMatch(SLUG_PATTERN)
        expect(slug).toEqual(`pu-dong-xin-qu-${serial}`)
      })
    })

    it('a notice titled in Chinese gets a lowercase ASCII pinyin slug', async () => {
      const data = {
        ...sampleData('notices', {
          community: world.communityA.id,
          source: world.source.id,
          slug: '',
        }),
        title: '关于召开居民代表会议的通知',
      }
      const doc = (await payload.create({
        collection: 'notices',
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      const slug = String((await stored('notices', doc.id))?.slug)
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(slug.startsWith('guan-yu-zhao-kai-ju-min')).toBe(true)
    })

    it('a generated slug that is taken gets a numeric suffix instead of an error', async () => {
      const title = '关于召开年度居民代表大会的通知'
      const make = async () => {
        const data = {
          ...sampleData('notices', {
            community: world.communityA.id,
            source: world.source.id,
            slug: '',
          }),
          title,
        }
        const doc = (await payload.create({
          collection: 'notices',
          data: data as never,
          ...as(admin),
        })) as unknown as Doc
        return String((await stored('notices', doc.id))?.slug)
      }
      const first = await make()
      const second = await make()
      const third = await make()
      expect(second).toEqual(`${first}-2`)
      expect(third).toEqual(`${first}-3`)
    })

    it('the same slug may be used in two different collections', async () => {
      const shared = nextSlug('shared')
      await payload.create({
        collection: 'mechanisms',
        data: minimalData('mechanisms', shared) as never,
        ...as(admin),
      })
      const doc = (await payload.create({
        collection: 'problem-categories',
        data: minimalData('problem-categories', shared) as never,
        ...as(admin),
      })) as unknown as Doc
      expect((await stored('problem-categories', doc.id))?.slug).toEqual(shared)
    })

    it('renaming keeps the slug, so shared links keep working; clearing it makes a new one from the new name', async () => {
      const doc = (await payload.create({
        collection: 'districts',
        data: { name: '黄浦区', city: 'shanghai' } as never,
        ...as(admin),
      })) as unknown as Doc
      const original = (await stored('districts', doc.id))?.slug
      expect(original).toEqual('huang-pu-qu')
      await payload.update({
        collection: 'districts',
        id: doc.id,
        data: { name: '静安区' } as never,
        ...as(admin),
      })
      expect((await stored('districts', doc.id))?.slug).toEqual(original)
      await payload.update({
        collection: 'districts',
        id: doc.id,
        data: { slug: '' } as never,
        ...as(admin),
      })
      expect((await stored('districts', doc.id))?.slug).toEqual('jing-an-qu')
    })

    it('a hand-typed slug is kept as typed, without surrounding spaces', async () => {
      const doc = (await payload.create({
        collection: 'sources',
        data: { title: '某书', slug: '  mou-shu-2017  ', kind: 'book' } as never,
        ...as(admin),
      })) as unknown as Doc
      expect((await stored('sources', doc.id))?.slug).toEqual('mou-shu-2017')
    })
  })

  describe('meeting notices', () => {
    const meeting = (meetingData: Record<string, unknown>) => ({
      ...sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('meeting'),
      }),
      kind: 'meeting',
      meeting: meetingData,
    })
    const startsAt = '2026-12-01T09:00:00.000Z'

    it('a meeting notice without a place is refused', async () => {
      const before = await count('notices')
      for (const place of [undefined, '', '   ']) {
        const error = await refusal(
          payload.create({
            collection: 'notices',
            data: meeting({ startsAt, place }) as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error)).toEqual(['meeting.place'])
        expect(errorMessages(error)).toMatch(/会议通知必须填写地点/)
      }
      expect(await count('notices')).toEqual(before)
    })

    it('a meeting notice without a start time is refused', async () => {
      const before = await count('notices')
      const error = await refusal(
        payload.create({
          collection: 'notices',
          data: meeting({ place: '居委会会议室' }) as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error)).toEqual(['meeting.startsAt'])
      expect(errorMessages(error)).toMatch(/会议通知必须填写开始时间/)
      expect(await count('notices')).toEqual(before)
    })

    it('a meeting time that is not a date is refused as such (not a server error)', async () => {
      const before = await count('notices')
      const bad = await refusal(
        payload.create({
          collection: 'notices',
          data: meeting({ startsAt: 'garbage', place: '会议室' }) as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(bad)).toEqual(['meeting.startsAt'])
      expect(errorMessages(bad)).toMatch(/不是有效的日期时间/)
      const badEnd = await refusal(
        payload.create({
          collection: 'notices',
          data: meeting({ startsAt, endsAt: 'garbage', place: '会议室' }) as never,
          ...as(admin),
        }),
      )
      expect(errorMessages(badEnd)).toMatch(/结束时间不是有效的日期时间/)
      expect(await count('notices')).toEqual(before)
    })

    it('a meeting that ends before, or when, it starts is refused', async () => {
      const before = await count('notices')
      for (const endsAt of ['2026-12-01T08:59:00.000Z', startsAt]) {
        const error = await refusal(
          payload.create({
            collection: 'notices',
            data: meeting({ startsAt, endsAt, place: '会议室' }) as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error)).toEqual(['meeting.endsAt'])
        expect(errorMessages(error)).toMatch(/结束时间必须晚于开始时间/)
      }
      expect(await count('notices')).toEqual(before)
    })

    it('a meeting with a start, a later end and a place is stored', async () => {
      const endsAt = '2026-12-01T11:30:00.000Z'
      const doc = (await payload.create({
        collection: 'notices',
        data: meeting({ startsAt, endsAt, place: '会议室' }) as never,
        ...as(admin),
      })) as unknown as Doc
      const meetingStored = (await stored('notices', doc.id))?.meeting as Record<string, unknown>
      expect(new Date(String(meetingStored.startsAt)).toISOString()).toEqual(startsAt)
      expect(new Date(String(meetingStored.endsAt)).toISOString()).toEqual(endsAt)
      expect(meetingStored.place).toEqual('会议室')
    })

    it('a notice of another kind needs neither time nor place', async () => {
      const data = sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('activity'),
      })
      const doc = (await payload.create({
        collection: 'notices',
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      expect((await stored('notices', doc.id))?.kind).toEqual('activity')
    })

    it('turning a notice into a meeting notice without time and place is refused, and it stays as it was', async () => {
      const data = sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('activity'),
      })
      const doc = (await payload.create({
        collection: 'notices',
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      const error = await refusal(
        payload.update({
          collection: 'notices',
          id: doc.id,
          data: { kind: 'meeting' } as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error).sort()).toEqual(['meeting.place', 'meeting.startsAt'])
      expect((await stored('notices', doc.id))?.kind).toEqual('activity')
    })

    it('moving the end of a stored meeting before its start is refused, and the meeting is unchanged', async () => {
      const doc = (await payload.create({
        collection: 'notices',
        data: meeting({ startsAt, place: '会议室' }) as never,
        ...as(admin),
      })) as unknown as Doc
      await refusal(
        payload.update({
          collection: 'notices',
          id: doc.id,
          data: { meeting: { endsAt: '2026-12-01T07:00:00.000Z' } } as never,
          ...as(admin),
        }),
      )
      expect(
        ((await stored('notices', doc.id))?.meeting as Record<string, unknown>).endsAt ?? null,
      ).toBeNull()
    })
  })

  describe('disclosure periods', () => {
    const disclosure = (period: Record<string, unknown>) => ({
      ...sampleData('disclosures', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('period'),
      }),
      period,
    })

    it('a period with both a quarter and a month is refused', async () => {
      const before = await count('disclosures')
      const error = await refusal(
        payload.create({
          collection: 'disclosures',
          data: disclosure({ year: 2026, quarter: 2, month: 5 }) as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error)).toEqual(['period.quarter'])
      expect(errorMessages(error)).toMatch(/季度和月份只能填写一个/)
      expect(await count('disclosures')).toEqual(before)
    })

    it('a year alone, a year with a quarter, or a year with a month is stored', async () => {
      for (const period of [
        { year: 2025 },
        { year: 2026, quarter: 3 },
        { year: 2026, month: 11 },
      ]) {
        const doc = (await payload.create({
          collection: 'disclosures',
          data: disclosure(period) as never,
          ...as(admin),
        })) as unknown as Doc
        expect((await stored('disclosures', doc.id))?.period).toMatchObject(period)
      }
    })

    it('adding a month to a quarterly disclosure is refused, and the period stays as it was', async () => {
      const doc = (await payload.create({
        collection: 'disclosures',
        data: disclosure({ year: 2026, quarter: 1 }) as never,
        ...as(admin),
      })) as unknown as Doc
      const error = await refusal(
        payload.update({
          collection: 'disclosures',
          id: doc.id,
          data: { period: { month: 3 }, changeNote: '补充月份' } as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error)).toEqual(['period.quarter'])
      expect((await stored('disclosures', doc.id))?.period).toMatchObject({
        year: 2026,
        quarter: 1,
        month: null,
      })
    })

    it('a quarter outside 1–4 is refused', async () => {
      const before = await count('disclosures')
      for (const quarter of [0, 5, -3, 2.5]) {
        const error = await refusal(
          payload.create({
            collection: 'disclosures',
            data: disclosure({ year: 2026, quarter }) as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error), String(quarter)).toEqual(['period.quarter'])
      }
      expect(await count('disclosures')).toEqual(before)
    })

    it('a month outside 1–12 or a year before 1949 is refused', async () => {
      const before = await count('disclosures')
      for (const period of [{ year: 2026, month: 13 }, { year: 2026, month: 0 }, { year: 1900 }]) {
        const error = await refusal(
          payload.create({
            collection: 'disclosures',
            data: disclosure(period) as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error)).toEqual([
          Object.keys(period).includes('month') ? 'period.month' : 'period.year',
        ])
      }
      expect(await count('disclosures')).toEqual(before)
    })
  })

  describe('numbers keep their rule (cms/fields/number.ts), as content files do', () => {
    it('a whole-number field refuses a fraction, a year field a year outside 1949–2100', async () => {
      const before = await count('brand-projects')
      const refusals: Array<[string, Record<string, unknown>, string]> = [
        ['a page 2.5', { source: { page: 2.5 } }, 'source.page'],
        ['an honour of 1900', { honours: [{ title: '荣誉', year: 1900 }] }, 'honours.0.year'],
        ['an honour of 2026.5', { honours: [{ title: '荣誉', year: 2026.5 }] }, 'honours.0.year'],
        ['founded in month 13', { founded: { year: 2020, month: 13 } }, 'founded.month'],
      ]
      for (const [label, change, path] of refusals) {
        const error = await refusal(
          payload.create({
            collection: 'brand-projects',
            data: { ...minimalData('brand-projects', nextSlug('rule')), ...change } as never,
            ...as(admin),
          }),
        )
        expect(errorPaths(error), label).toEqual([path])
      }
      expect(await count('brand-projects')).toEqual(before)
    })

    it('a community of 1.5 households is refused with the reason', async () => {
      const error = await refusal(
        payload.create({
          collection: 'communities',
          data: {
            ...minimalData('communities', nextSlug('households')),
            figures: { households: 1.5 },
          } as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error)).toEqual(['figures.households'])
      expect(errorMessages(error)).toMatch(/必须是整数/)
    })
  })

  describe('a community’s street and district', () => {
    let otherDistrict: Doc
    let streetInOther: Doc

    beforeAll(async () => {
      otherDistrict = await world.create('districts', {
        name: '另一区',
        slug: 'ling-yi-qu',
        city: 'ningbo',
      })
      streetInOther = await world.create('streets', {
        name: '丙街道',
        slug: 'bing-jiedao',
        kind: 'street',
        district: otherDistrict.id,
      })
    })

    const community = (street: Doc, district: Doc) => ({
      name: `新居委会${serial}`,
      slug: nextSlug('juweihui'),
      kind: 'residents-committee',
      street: street.id,
      district: district.id,
      _status: 'published',
    })

    it('a new community whose street lies in another district is refused', async () => {
      const before = await count('communities')
      const error = await refusal(
        payload.create({
          collection: 'communities',
          data: community(world.streetA, otherDistrict) as never,
          ...as(admin),
        }),
      )
      expect(errorPaths(error)).toEqual(['district'])
      expect(errorMessages(error)).toMatch(/甲街道/)
      expect(await count('communities')).toEqual(before)
    })

    it('moving a community to another district while its street stays is refused', async () => {
      const doc = (await payload.create({
        collection: 'communities',
        data: community(world.streetA, world.district as Doc) as never,
        ...as(admin),
      })) as unknown as Doc
      await refusal(
        payload.update({
          collection: 'communities',
          id: doc.id,
          data: { district: otherDistrict.id } as never,
          ...as(admin),
        }),
      )
      expect(sameId((await stored('communities', doc.id))?.district, world.district.id)).toBe(true)
    })

    it('moving a community to a street of another district while its district stays is refused', async () => {
      const doc = (await payload.create({
        collection: 'communities',
        data: community(world.streetA, world.district as Doc) as never,
        ...as(admin),
      })) as unknown as Doc
      await refusal(
        payload.update({
          collection: 'communities',
          id: doc.id,
          data: { street: streetInOther.id } as never,
          ...as(admin),
        }),
      )
      expect(sameId((await stored('communities', doc.id))?.street, world.streetA.id)).toBe(true)
    })

    it('moving street and district together to a matching pair is accepted', async () => {
      const doc = (await payload.create({
        collection: 'communities',
        data: community(world.streetA, world.district as Doc) as never,
        ...as(admin),
      })) as unknown as Doc
      await payload.update({
        collection: 'communities',
        id: doc.id,
        data: { street: streetInOther.id, district: otherDistrict.id } as never,
        ...as(admin),
      })
      const after = await stored('communities', doc.id)
      expect(sameId(after?.street, streetInOther.id)).toBe(true)
      expect(sameId(after?.district, otherDistrict.id)).toBe(true)
    })
  })

  describe('publishing', () => {
    const notice = (status: 'draft' | 'published', extra: Record<string, unknown> = {}) => ({
      ...sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('pub'),
        status,
      }),
      ...extra,
    })

    it('a document published on creation is stamped with the time of publishing', async () => {
      const before = Date.now()
      const doc = (await payload.create({
        collection: 'notices',
        data: notice('published') as never,
        ...as(admin),
      })) as unknown as Doc
      const after = Date.now()
      const publishedAt = new Date(String((await stored('notices', doc.id))?.publishedAt)).getTime()
      expect(publishedAt).toBeGreaterThanOrEqual(before)
      expect(publishedAt).toBeLessThanOrEqual(after)
    })

    it('a draft has no publishing time until it is first published; later saves keep the first time', async () => {
      const doc = (await payload.create({
        collection: 'notices',
        data: notice('draft') as never,
        draft: true,
        ...as(admin),
      })) as unknown as Doc
      expect((await stored('notices', doc.id))?.publishedAt ?? null).toBeNull()

      const before = Date.now()
      await payload.update({
        collection: 'notices',
        id: doc.id,
        data: { _status: 'published' } as never,
        ...as(admin),
      })
      const first = (await stored('notices', doc.id))?.publishedAt
      expect(new Date(String(first)).getTime()).toBeGreaterThanOrEqual(before)

      await new Promise((resolve) => setTimeout(resolve, 5))
      await payload.update({
        collection: 'notices',
        id: doc.id,
        data: { title: '再次发布', _status: 'published' } as never,
        ...as(admin),
      })
      expect((await stored('notices', doc.id))?.publishedAt).toEqual(first)
      await payload.update({
        collection: 'notices',
        id: doc.id,
        data: { _status: 'draft' } as never,
        ...as(admin),
      })
      expect((await stored('notices', doc.id))?.publishedAt).toEqual(first)
    })

    it('a publishing time given by staff is kept', async () => {
      const given = '2020-01-02T03:04:05.000Z'
      const doc = (await payload.create({
        collection: 'notices',
        data: notice('published', { publishedAt: given }) as never,
        ...as(admin),
      })) as unknown as Doc
      expect(
        new Date(String((await stored('notices', doc.id))?.publishedAt)).toISOString(),
      ).toEqual(given)
    })

    it('seeding a published document without a date leaves it without one', async () => {
      const doc = (await payload.create({
        collection: 'notices',
        data: notice('published') as never,
        context: { seeding: true },
        overrideAccess: true,
      })) as unknown as Doc
      expect((await stored('notices', doc.id))?.publishedAt ?? null).toBeNull()
    })

    it.each(DRAFTED)('%s: publishing stamps the time', async (collection) => {
      const data =
        collection === 'communities'
          ? { ...minimalData('communities', nextSlug('c')), _status: 'published' }
          : sampleData(collection, {
              community: world.communityA.id,
              source: world.source.id,
              slug: nextSlug('p'),
            })
      const before = Date.now()
      const doc = (await payload.create({
        collection,
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      expect(
        new Date(String((await stored(collection, doc.id))?.publishedAt)).getTime(),
      ).toBeGreaterThanOrEqual(before)
    })
  })

  describe('drafts and versions', () => {
    let notice: Doc

    beforeAll(async () => {
      const data = {
        ...sampleData('notices', {
          community: world.communityA.id,
          source: world.source.id,
          slug: nextSlug('versioned'),
        }),
        title: '已发布的标题',
      }
      notice = (await payload.create({
        collection: 'notices',
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      await payload.update({
        collection: 'notices',
        id: notice.id,
        data: { title: '草稿中的标题', _status: 'draft' } as never,
        draft: true,
        ...as(admin),
      })
    })

    it('saving a draft of a published notice leaves the published version for the public', async () => {
      const publicView = (await payload.findByID({
        collection: 'notices',
        id: notice.id,
        ...as(undefined),
      })) as unknown as Doc
      expect(publicView.title).toEqual('已发布的标题')
      expect(publicView._status).toEqual('published')
      const { docs } = await payload.find({
        collection: 'notices',
        where: { id: { equals: notice.id } },
        ...as(undefined),
      })
      expect(docs.map((d) => (d as unknown as Doc).title)).toEqual(['已发布的标题'])
    })

    it('the public cannot read the draft even when asking for drafts', async () => {
      const publicView = (await payload.findByID({
        collection: 'notices',
        id: notice.id,
        draft: true,
        ...as(undefined),
      })) as unknown as Doc
      expect(publicView.title).toEqual('已发布的标题')
    })

    it('an admin reads the draft when asking for drafts, and the published version otherwise', async () => {
      const draft = (await payload.findByID({
        collection: 'notices',
        id: notice.id,
        draft: true,
        ...as(admin),
      })) as unknown as Doc
      expect(draft.title).toEqual('草稿中的标题')
      expect(draft._status).toEqual('draft')
      const published = (await payload.findByID({
        collection: 'notices',
        id: notice.id,
        ...as(admin),
      })) as unknown as Doc
      expect(published.title).toEqual('已发布的标题')
    })

    it('both the published version and the draft are kept as versions, for staff only', async () => {
      const { docs } = await payload.findVersions({
        collection: 'notices',
        where: { parent: { equals: notice.id } },
        depth: 0,
        ...as(admin),
      })
      const versions = docs.map((d) => d.version as unknown as Doc)
      expect(versions.map((v) => v.title)).toEqual(
        expect.arrayContaining(['已发布的标题', '草稿中的标题']),
      )
      expect(versions.find((v) => v.title === '草稿中的标题')?._status).toEqual('draft')
      await expect(
        payload.findVersions({
          collection: 'notices',
          where: { parent: { equals: notice.id } },
          ...as(undefined),
        }),
      ).rejects.toThrow()
    })

    it('publishing the draft makes it what the public sees', async () => {
      await payload.update({
        collection: 'notices',
        id: notice.id,
        data: { _status: 'published' } as never,
        ...as(admin),
      })
      const publicView = (await payload.findByID({
        collection: 'notices',
        id: notice.id,
        ...as(undefined),
      })) as unknown as Doc
      expect(publicView.title).toEqual('草稿中的标题')
    })

    it.each(DRAFTED)('%s keeps a version for every save', async (collection) => {
      const data =
        collection === 'communities'
          ? minimalData('communities', nextSlug('v'))
          : sampleData(collection, {
              community: world.communityA.id,
              source: world.source.id,
              slug: nextSlug('v'),
            })
      const doc = (await payload.create({
        collection,
        data: data as never,
        ...as(admin),
      })) as unknown as Doc
      const field = EDITABLE[collection]!
      await payload.update({
        collection,
        id: doc.id,
        data: { [field]: '第二版' } as never,
        draft: true,
        ...as(admin),
      })
      const { totalDocs } = await payload.findVersions({
        collection,
        where: { parent: { equals: doc.id } },
        ...as(admin),
      })
      expect(totalDocs).toEqual(2)
    })
  })

  describe('a brand project’s related cases', () => {
    let project: Doc
    let otherProject: Doc
    const cases: Record<string, Doc> = {}

    const caseFor = (projectId: string | number | null, status: 'draft' | 'published') => ({
      ...sampleData('case-studies', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('case'),
        status,
      }),
      brandProject: projectId,
    })
    const relatedIds = async (id: string | number, user?: TestUser) => {
      const doc = (await payload.findByID({
        collection: 'brand-projects',
        id,
        depth: 0,
        ...as(user),
      })) as unknown as Doc
      return ((doc.relatedCases as { docs: Array<string | number> }).docs ?? []).map(String).sort()
    }
    const idsOf = (...names: string[]) => names.map((n) => String(cases[n]!.id)).sort()

    beforeAll(async () => {
      project = (await payload.create({
        collection: 'brand-projects',
        data: sampleData('brand-projects', {
          community: world.communityA.id,
          source: world.source.id,
          slug: nextSlug('proj'),
        }) as never,
        ...as(admin),
      })) as unknown as Doc
      otherProject = (await payload.create({
        collection: 'brand-projects',
        data: sampleData('brand-projects', {
          community: world.communityA.id,
          source: world.source.id,
          slug: nextSlug('proj'),
        }) as never,
        ...as(admin),
      })) as unknown as Doc
      const make = async (
        name: string,
        projectId: string | number | null,
        status: 'draft' | 'published',
      ) => {
        cases[name] = (await payload.create({
          collection: 'case-studies',
          data: caseFor(projectId, status) as never,
          draft: status === 'draft',
          ...as(admin),
        })) as unknown as Doc
      }
      await make('one', project.id, 'published')
      await make('two', project.id, 'published')
      await make('draft', project.id, 'draft')
      await make('elsewhere', otherProject.id, 'published')
      await make('none', null, 'published')
    })

    it('lists the published cases pointing to it, and only those, for the public', async () => {
      expect(await relatedIds(project.id)).toEqual(idsOf('one', 'two'))
      expect(await relatedIds(otherProject.id)).toEqual(idsOf('elsewhere'))
    })

    it('also lists draft cases for staff who may see them', async () => {
      expect(await relatedIds(project.id, admin)).toEqual(idsOf('one', 'two', 'draft'))
    })

    it('follows a case moved to another project, and forgets a deleted case', async () => {
      await payload.update({
        collection: 'case-studies',
        id: cases.two!.id,
        data: { brandProject: otherProject.id } as never,
        ...as(admin),
      })
      expect(await relatedIds(project.id)).toEqual(idsOf('one'))
      expect(await relatedIds(otherProject.id)).toEqual(idsOf('elsewhere', 'two'))
      await payload.delete({ collection: 'case-studies', id: cases.one!.id, ...as(admin) })
      expect(await relatedIds(project.id)).toEqual([])
    })
  })
})
