import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadCatalogueStatus } from '../../cms/catalogue/loadStatus.ts'
import { idOf } from '../../cms/utilities/idOf.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { refusal, refusalMessages } from '../helpers/refusal.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'

/**
 * The 居务公开 catalogue in the CMS, on the real corpus: who may change it (admins only, every other
 * role refused and nothing changed), which item a disclosure fulfils (chosen and checked, or derived
 * from category and period), who sets the day a community's tracking starts, and the status the
 * dashboard and the reminders read, from published content only.
 */
let cms: TestCms
let payload: Payload
const users: Record<string, TestUser> = {}
const ids: Record<string, string | number> = {}

const idBySlug = async (collection: 'communities' | 'catalogue-items' | 'streets', slug: string) =>
  (
    await payload.find({
      collection,
      where: { slug: { equals: slug } },
      depth: 0,
      draft: true,
      overrideAccess: true,
    })
  ).docs[0].id

const storedItem = (id: string | number) =>
  payload.findByID({ collection: 'catalogue-items', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  cms = await startCms({ seeded: true })
  payload = cms.payload
  for (const slug of ['shili', 'lijiang-shanshui']) ids[slug] = await idBySlug('communities', slug)
  for (const slug of ['jingfei-shouzhi', 'gonggong-shouyi', 'zizhijin-yusuan', 'weixiu-zijin'])
    ids[slug] = await idBySlug('catalogue-items', slug)
  users.admin = await createUser(payload, { role: 'admin' })
  users.editor = await createUser(payload, { role: 'editor', communities: [ids.shili] })
  users.supervisor = await createUser(payload, {
    role: 'supervisor',
    streets: [await idBySlug('streets', 'shili-jiedao')],
  })
})
afterAll(async () => cms?.close())

describe('status from the CMS', () => {
  const asOf = Date.parse('2026-11-22T10:00:00+08:00')

  it('counts what the public sees: the demo community owes October’s public revenue (its disclosure is a draft)', async () => {
    const [shili] = await loadCatalogueStatus(payload, {
      communities: [String(ids.shili)],
      now: asOf,
    })
    expect(shili.tracked).toBe(true)
    expect([shili.overdue, shili.dueSoon]).toEqual([1, 0])
    const late = shili.items.find((s) => s.state === 'overdue')!
    expect(late.item.name).toBe('小区公共收益收支')
    expect(late.missed.map((o) => o.period)).toEqual([{ year: 2026, month: 10 }])
    expect(late.daysOverdue).toBe(7)
    // Derived items count too: the half-year repair-fund account was seeded without naming one.
    expect(shili.items.find((s) => s.item.name === '住宅专项维修资金账户')?.last?.period).toEqual({
      year: 2026,
      half: 1,
      quarter: null,
      month: null,
    })
  })

  it('a community the site does not track is listed with no lateness', async () => {
    const [lijiang] = await loadCatalogueStatus(payload, {
      communities: [String(ids['lijiang-shanshui'])],
      now: asOf,
    })
    expect(lijiang.tracked).toBe(false)
    expect(lijiang.overdue).toBe(0)
    expect(lijiang.items.every((s) => s.state === 'untracked' || s.state === 'any-time')).toBe(true)
  })

  it('is up to date once the supervisor publishes the October disclosure', async () => {
    const { docs } = await payload.find({
      collection: 'disclosures',
      where: { slug: { equals: '2026-10-gonggong-shouyi' } },
      draft: true,
      overrideAccess: true,
    })
    await payload.update({
      collection: 'disclosures',
      id: docs[0].id,
      data: { _status: 'published' } as never,
      ...as(users.supervisor),
    })
    const [shili] = await loadCatalogueStatus(payload, {
      communities: [String(ids.shili)],
      now: asOf,
    })
    expect(shili.overdue).toBe(0)
  })
})

const newItem = {
  name: '测试事项',
  slug: 'ceshi-shixiang',
  order: 200,
  category: 'minutes',
  cadence: 'after-event',
  dueDays: 5,
  basis: '测试用。',
  appliesTo: 'all',
}

describe('catalogue items', () => {
  it('anyone reads the catalogue, in catalogue order', async () => {
    const { docs } = await payload.find({
      collection: 'catalogue-items',
      limit: 3,
      ...as(undefined),
    })
    expect(docs.map((d) => d.slug)).toEqual([
      'jingfei-shouzhi',
      'niandu-jingfei',
      'gonggong-shouyi',
    ])
  })

  it.each(['anonymous', 'editor', 'supervisor'])(
    '%s may not create, change or delete an item, and nothing changes',
    async (role) => {
      const user = users[role]
      const before = await payload.count({ collection: 'catalogue-items', overrideAccess: true })
      expect(
        (
          await refusal(
            payload.create({ collection: 'catalogue-items', data: newItem as never, ...as(user) }),
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await refusal(
            payload.update({
              collection: 'catalogue-items',
              id: ids['jingfei-shouzhi'],
              data: { dueDays: 365 } as never,
              ...as(user),
            }),
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await refusal(
            payload.delete({
              collection: 'catalogue-items',
              id: ids['jingfei-shouzhi'],
              ...as(user),
            }),
          )
        ).status,
      ).toBe(403)
      expect(await payload.count({ collection: 'catalogue-items', overrideAccess: true })).toEqual(
        before,
      )
      expect((await storedItem(ids['jingfei-shouzhi'])).dueDays).toBe(15)
    },
  )

  it('an admin creates, changes and deletes one', async () => {
    const doc = await payload.create({
      collection: 'catalogue-items',
      data: newItem as never,
      ...as(users.admin),
    })
    await payload.update({
      collection: 'catalogue-items',
      id: doc.id,
      data: { dueDays: 9 } as never,
      ...as(users.admin),
    })
    expect((await storedItem(doc.id)).dueDays).toBe(9)
    await payload.delete({ collection: 'catalogue-items', id: doc.id, ...as(users.admin) })
  })

  it('an item for chosen communities must name at least one', async () => {
    expect(
      await refusalMessages(
        payload.create({
          collection: 'catalogue-items',
          data: { ...newItem, slug: 'chosen-none', appliesTo: 'chosen', communities: [] } as never,
          ...as(users.admin),
        }),
      ),
    ).toMatch('请至少选择一个居委会')
  })
})

describe('the day tracking starts', () => {
  it('is the admin’s to set: the community’s own editor and supervisor are refused', async () => {
    for (const user of [users.editor, users.supervisor]) {
      const error = await refusal(
        payload.update({
          collection: 'communities',
          id: ids.shili,
          data: { trackedSince: '2027-01-01T00:00:00.000Z' } as never,
          ...as(user),
        }),
      )
      expect(error.status).toBe(403)
      expect(error.message).toMatch(/无权修改.*trackedSince/)
    }
    const shili = await payload.findByID({
      collection: 'communities',
      id: ids.shili,
      overrideAccess: true,
    })
    expect(shili.trackedSince).toBe('2026-08-31T16:00:00.000Z')
  })
})

describe('the catalogue item a disclosure fulfils', () => {
  let serial = 0
  const disclosure = (data: Record<string, unknown>) => ({
    title: `测试公开 ${++serial}`,
    slug: `ceshi-gongkai-${serial}`,
    community: ids.shili,
    _status: 'published',
    ...data,
  })
  // Published by a supervisor: Payload checks fields on publishing, not on saving a draft.
  const create = (data: Record<string, unknown>, user = users.supervisor) =>
    payload.create({
      collection: 'disclosures',
      data: disclosure(data) as never,
      depth: 0,
      ...as(user),
    })
  const item = (doc: { catalogueItem?: unknown }) => idOf(doc.catalogueItem as never)

  it('is filled in from category and period when exactly one item fits, also in an editor’s draft', async () => {
    const draft = await payload.create({
      collection: 'disclosures',
      data: disclosure({
        category: 'finance',
        period: { year: 2027, quarter: 1 },
        _status: 'draft',
      }) as never,
      draft: true,
      depth: 0,
      ...as(users.editor),
    })
    expect(item(draft)).toBe(String(ids['jingfei-shouzhi']))
    expect(item(await create({ category: 'finance', period: { year: 2026, quarter: 4 } }))).toBe(
      String(ids['jingfei-shouzhi']),
    )
    expect(item(await create({ category: 'finance', period: { year: 2026, month: 11 } }))).toBe(
      String(ids['gonggong-shouyi']),
    )
    expect(item(await create({ category: 'finance', period: { year: 2026, half: 2 } }))).toBe(
      String(ids['weixiu-zijin']),
    )
  })

  it('is left to the editor when two items fit (a year of 自治金: budget or settlement)', async () => {
    expect(item(await create({ category: 'autonomy-fund', period: { year: 2027 } }))).toBeNull()
    const chosen = await create({
      category: 'autonomy-fund',
      period: { year: 2027 },
      catalogueItem: ids['zizhijin-yusuan'],
    })
    expect(item(chosen)).toBe(String(ids['zizhijin-yusuan']))
  })

  it('is refused when it does not fit: another category, a period of another length, a community it does not apply to', async () => {
    const before = await payload.count({ collection: 'disclosures', overrideAccess: true })
    expect(
      await refusalMessages(
        create({
          category: 'resolution',
          period: { year: 2026, quarter: 4 },
          catalogueItem: ids['jingfei-shouzhi'],
        }),
      ),
    ).toBe('“居委会经费收支”对应“财务”类别，与本公开的类别不符。')
    expect(
      await refusalMessages(
        create({
          category: 'finance',
          period: { year: 2026, month: 10 },
          catalogueItem: ids['jingfei-shouzhi'],
        }),
      ),
    ).toBe('“居委会经费收支”每季度公开一次，所属期间请填写季度。')
    await createUser(payload, {
      role: 'editor',
      communities: [ids['lijiang-shanshui']],
    })
    expect(
      await refusalMessages(
        create(
          {
            community: ids['lijiang-shanshui'],
            category: 'finance',
            period: { year: 2026, month: 10 },
            catalogueItem: ids['gonggong-shouyi'],
          },
          users.admin,
        ),
      ),
    ).toBe('“小区公共收益收支”不适用于本居委会。')
    expect(await payload.count({ collection: 'disclosures', overrideAccess: true })).toEqual(before)
  })

  it('half, quarter and month are one or none', async () => {
    expect(
      await refusalMessages(
        create({ category: 'finance', period: { year: 2026, half: 1, quarter: 2 } }),
      ),
    ).toBe('半年、季度和月份只能填写一个。')
    expect(
      await refusalMessages(create({ category: 'finance', period: { year: 2026, half: 3 } })),
    ).toMatch(/最大值为 2/)
  })

  it('the slug of the 公开目录 page is not a disclosure’s', async () => {
    expect(
      await refusalMessages(create({ category: 'other', period: { year: 2026 }, slug: 'mulu' })),
    ).toBe('“mulu”已被网站的其他页面使用，请换一个网址别名。')
  })
})

describe('reminder records', () => {
  it('are read by admins only and written by nobody through the API', async () => {
    const record = await payload.create({
      collection: 'reminder-deliveries',
      data: { user: users.editor.id, day: '2026-11-22', items: 'x' } as never,
      overrideAccess: true,
    })
    for (const user of [undefined, users.editor, users.supervisor]) {
      const error = await refusal(payload.find({ collection: 'reminder-deliveries', ...as(user) }))
      expect(error.status).toBe(403)
    }
    expect(
      (await payload.find({ collection: 'reminder-deliveries', ...as(users.admin) })).totalDocs,
    ).toBe(1)
    for (const user of [users.editor, users.admin]) {
      expect(
        (
          await refusal(
            payload.create({
              collection: 'reminder-deliveries',
              data: { user: user.id, day: '2026-11-23' } as never,
              ...as(user),
            }),
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await refusal(
            payload.delete({ collection: 'reminder-deliveries', id: record.id, ...as(user) }),
          )
        ).status,
      ).toBe(403)
    }
    await payload.delete({ collection: 'reminder-deliveries', id: record.id, overrideAccess: true })
  })
})

describe('deleting a catalogue item disclosures name', () => {
  it('leaves the disclosures in place, naming no item', async () => {
    const extra = await payload.create({
      collection: 'catalogue-items',
      data: { ...newItem, slug: 'to-delete', category: 'other' } as never,
      ...as(users.admin),
    })
    const doc = await payload.create({
      collection: 'disclosures',
      data: {
        title: '将被删除的事项',
        slug: 'jiang-bei-shanchu',
        community: ids.shili,
        category: 'other',
        period: { year: 2026 },
        catalogueItem: extra.id,
        _status: 'published',
      } as never,
      depth: 0,
      ...as(users.admin),
    })
    expect(idOf(doc.catalogueItem as never)).toBe(String(extra.id))
    await payload.delete({ collection: 'catalogue-items', id: extra.id, ...as(users.admin) })
    const after = await payload.findByID({
      collection: 'disclosures',
      id: doc.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.title).toBe('将被删除的事项')
    expect(after.catalogueItem ?? null).toBeNull()
  })
})
