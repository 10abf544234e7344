import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { computeTotals } from '../../cms/collections/Disclosures/hooks/computeTotals.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'
import { refusal } from '../helpers/refusal.ts'

/**
 * Finance disclosures: the server computes income, expense and balance from the line items on
 * every save, exactly (in fen), whatever the client sends; amounts that cannot be right are
 * refused with a message naming the line, and nothing is written.
 *
 * Expected totals are worked out here in integer fen, independently of the code under test.
 */

type Direction = 'income' | 'expense'
type Line = { item: string; direction: Direction; amount: number }
type Totals = { income: number | null; expense: number | null; balance: number | null }
type Doc = Record<string, unknown> & { id: string | number }

/** A line built from whole fen, so the test knows its exact value without floating point. */
const line = (fen: number, direction: Direction, item = `明细${fen}`): Line & { fen: number } => ({
  item,
  direction,
  amount: fen / 100,
  fen,
})

/** Totals worked out in integer fen: what a careful accountant would write down. */
function expectedTotals(lines: Array<{ fen: number; direction: Direction }>) {
  const income = lines.filter((l) => l.direction === 'income').reduce((sum, l) => sum + l.fen, 0)
  const expense = lines.filter((l) => l.direction === 'expense').reduce((sum, l) => sum + l.fen, 0)
  return { income: income / 100, expense: expense / 100, balance: (income - expense) / 100 }
}

/** A small deterministic generator, so "many lines" are the same on every run. */
function* pseudoRandom(seed: number): Generator<number, never> {
  let state = seed
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648
    yield state
  }
}

const plain = ({ item, direction, amount }: Line) => ({ item, direction, amount })

describe('computeTotals', () => {
  it('adds 0.1 and 0.2 to exactly 0.3, where plain floating point would not', () => {
    expect(0.1 + 0.2).not.toEqual(0.3)
    expect(computeTotals([line(10, 'income'), line(20, 'income')])).toEqual({
      income: 0.3,
      expense: 0,
      balance: 0.3,
    })
  })

  it('adds a thousand lines of 0.05 to exactly 50', () => {
    const lines = Array.from({ length: 1000 }, () => line(5, 'expense'))
    expect(lines.reduce((sum, l) => sum + l.amount, 0)).not.toEqual(50)
    expect(computeTotals(lines)).toEqual({ income: 0, expense: 50, balance: -50 })
  })

  it('sums many lines of x.x5 on both sides exactly', () => {
    const random = pseudoRandom(7)
    const lines = Array.from({ length: 500 }, (_, i) => {
      const fen = (random.next().value % 100000) * 10 + 5 // always ends in 5 fen: 12.35, 0.05 …
      return line(fen, i % 3 === 0 ? 'expense' : 'income')
    })
    expect(computeTotals(lines)).toEqual(expectedTotals(lines))
  })

  it('gives a negative balance when expense exceeds income', () => {
    const lines = [line(123456, 'income'), line(234567, 'expense'), line(1, 'expense')]
    const totals = computeTotals(lines)
    expect(totals).toEqual(expectedTotals(lines))
    expect(totals.balance).toBeLessThan(0)
  })

  it('ignores lines without a direction or without an amount', () => {
    const counted = [line(1999, 'income'), line(501, 'expense')]
    const totals = computeTotals([
      ...counted,
      { amount: 1000, direction: null },
      { amount: null, direction: 'income' },
      { direction: 'expense' },
    ])
    expect(totals).toEqual(expectedTotals(counted))
  })

  it('gives zeros for no lines at all', () => {
    for (const empty of [[], null, undefined])
      expect(computeTotals(empty)).toEqual({ income: 0, expense: 0, balance: 0 })
  })
})

describe('finance disclosures saved through the CMS', () => {
  let cms: TestCms
  let payload: Payload
  let world: Awaited<ReturnType<typeof createTwoCommunities>>
  let admin: TestUser
  let editorA: TestUser
  let serial = 0

  beforeAll(async () => {
    cms = await startCms()
    payload = cms.payload
    world = await createTwoCommunities(payload)
    admin = await createUser(payload, { role: 'admin' }) // first account: an admin either way
    editorA = await createUser(payload, { role: 'editor', communities: [world.communityA.id] })
  })
  afterAll(async () => cms?.close())

  const count = async () =>
    (await payload.count({ collection: 'disclosures', overrideAccess: true })).totalDocs

  const finance = (lineItems: unknown[], extra: Record<string, unknown> = {}) => ({
    ...sampleData('disclosures', {
      community: world.communityA.id,
      source: world.source.id,
      slug: `caiwu-${(serial += 1)}`,
    }),
    title: '2026年第一季度居委会经费收支公开',
    category: 'finance',
    period: { year: 2026, quarter: 1 },
    lineItems,
    // Drafts: these tests are about totals, not the publishing workflow (which holds editors' publishes).
    _status: 'draft',
    ...extra,
  })

  async function stored(id: string | number) {
    const { docs } = await payload.find({
      collection: 'disclosures',
      where: { id: { equals: id } },
      overrideAccess: true,
      depth: 0,
    })
    return docs[0] as unknown as
      (Doc & { totals: Totals; lineItems: Line[]; _status: string }) | undefined
  }

  async function createFinance(
    lineItems: unknown[],
    extra: Record<string, unknown> = {},
    user: TestUser = admin,
  ) {
    return (await payload.create({
      collection: 'disclosures',
      data: finance(lineItems, extra) as never,
      ...as(user),
    })) as unknown as Doc
  }

  describe('totals are computed by the server', () => {
    it('on create, from the line items', async () => {
      const lines = [
        line(1500000, 'income', '街道拨付自治金'),
        line(325050, 'expense', '楼道美化材料'),
        line(12000, 'expense', '会议茶水'),
      ]
      const doc = await createFinance(lines.map(plain))
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(lines))
    })

    it('on create, ignoring totals sent by the client', async () => {
      const lines = [line(10000, 'income'), line(2550, 'expense')]
      const forged = { income: 999999, expense: 0, balance: 999999 }
      const doc = await createFinance(lines.map(plain), { totals: forged })
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(lines))
    })

    it('for an editor too, whose forged totals are overwritten', async () => {
      const lines = [line(88800, 'income'), line(100, 'expense')]
      const doc = await createFinance(
        lines.map(plain),
        { totals: { income: 1, expense: 2, balance: 3 } },
        editorA,
      )
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(lines))
    })

    it('on update, when the line items change', async () => {
      const doc = await createFinance([line(10000, 'income')].map(plain))
      const changed = [line(10000, 'income'), line(4321, 'expense'), line(99, 'income')]
      await payload.update({
        collection: 'disclosures',
        id: doc.id,
        data: { lineItems: changed.map(plain) } as never,
        ...as(editorA),
      })
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(changed))
    })

    it('on update, ignoring totals sent without line items, which keep the stored sums', async () => {
      const lines = [line(70000, 'income'), line(15050, 'expense')]
      const doc = await createFinance(lines.map(plain))
      await payload.update({
        collection: 'disclosures',
        id: doc.id,
        data: { totals: { income: 1, expense: 1, balance: 0 } } as never,
        ...as(editorA),
      })
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(lines))
    })

    it('on update of other fields, keeping the totals of the stored line items', async () => {
      const lines = [line(5005, 'income'), line(3003, 'expense')]
      const doc = await createFinance(lines.map(plain))
      await payload.update({
        collection: 'disclosures',
        id: doc.id,
        data: { summary: '补充说明' } as never,
        ...as(admin),
      })
      const after = await stored(doc.id)
      expect(after?.summary).toEqual('补充说明')
      expect(after?.totals).toEqual(expectedTotals(lines))
    })

    it('exactly: 0.1 and 0.2 make 0.3', async () => {
      const doc = await createFinance([line(10, 'income'), line(20, 'income')].map(plain))
      expect((await stored(doc.id))?.totals).toEqual({ income: 0.3, expense: 0, balance: 0.3 })
    })

    it('exactly: many lines of x.x5', async () => {
      const random = pseudoRandom(42)
      const lines = Array.from({ length: 60 }, (_, i) =>
        line((random.next().value % 50000) * 10 + 5, i % 2 ? 'income' : 'expense'),
      )
      const doc = await createFinance(lines.map(plain))
      const totals = (await stored(doc.id))?.totals
      expect(totals).toEqual(expectedTotals(lines))
      expect((await stored(doc.id))?.lineItems.map((l) => l.amount)).toEqual(
        lines.map((l) => l.amount),
      )
    })

    it('removing all line items clears the totals', async () => {
      const doc = await createFinance([line(10000, 'income'), line(500, 'expense')].map(plain))
      await payload.update({
        collection: 'disclosures',
        id: doc.id,
        data: { lineItems: [] } as never,
        ...as(admin),
      })
      const after = await stored(doc.id)
      expect(after?.lineItems).toEqual([])
      expect(after?.totals).toEqual({ income: null, expense: null, balance: null })
    })

    it('a disclosure without line items has no totals, even when the client sends some', async () => {
      const doc = await createFinance([], {
        category: 'resolution',
        totals: { income: 5, expense: 5, balance: 0 },
      })
      expect((await stored(doc.id))?.totals).toEqual({ income: null, expense: null, balance: null })
    })
  })

  describe('amounts that cannot be right are refused, and nothing is written', () => {
    // The cap the collection documents: ¥10 billion on one line.
    const MAX_AMOUNT = 10_000_000_000

    const cases: Array<[string, unknown, RegExp]> = [
      ['a negative amount', -12.5, /金额不能为负数/],
      ['an amount with three decimals', 12.345, /金额最多保留两位小数/],
      ['an amount that is not a number', 'abc', /金额必须是数字/],
      ['an absurdly large amount', 1e15, /金额过大/],
      ['an amount one fen over the cap', MAX_AMOUNT + 0.01, /金额过大/],
    ]

    it.each(cases)('%s is refused on create, naming the line', async (_label, amount, message) => {
      const before = await count()
      const error = await refusal(
        createFinance([
          plain(line(10000, 'income')),
          { item: '有问题的一行', direction: 'expense', amount },
        ]),
      )
      expect(error.status).toEqual(400)
      const errors = error.data?.errors ?? []
      expect(errors.map((e) => e.path)).toEqual(['lineItems.1.amount'])
      expect(errors[0]?.message).toMatch(message)
      expect(await count()).toEqual(before)
    })

    it.each(cases)(
      '%s is refused on update, and the stored lines and totals stay',
      async (_label, amount, message) => {
        const lines = [line(20000, 'income'), line(7525, 'expense')]
        const doc = await createFinance(lines.map(plain))
        const error = await refusal(
          payload.update({
            collection: 'disclosures',
            id: doc.id,
            data: {
              lineItems: [...lines.map(plain), { item: '追加', direction: 'income', amount }],
            } as never,
            ...as(editorA),
          }),
        )
        expect(error.data?.errors?.[0]?.message).toMatch(message)
        const after = await stored(doc.id)
        expect(after?.lineItems.map((l) => l.amount)).toEqual(lines.map((l) => l.amount))
        expect(after?.totals).toEqual(expectedTotals(lines))
      },
    )

    it('large amounts with two decimals are accepted exactly (no floating-point false alarms)', async () => {
      const amounts = [9121825416.95, 134218457.39, 9999999999.99]
      const doc = await createFinance(
        amounts.map((amount) => ({ item: '大额', direction: 'income', amount })),
      )
      const after = await stored(doc.id)
      expect(after?.lineItems.map((l) => l.amount)).toEqual(amounts)
      expect(after?.totals?.income).toEqual(
        Math.round(amounts.reduce((sum, a) => sum + Math.round(a * 100), 0)) / 100,
      )
    })

    it('a line without an amount or without a direction is refused', async () => {
      const before = await count()
      await refusal(createFinance([{ item: '无金额', direction: 'income' }]))
      await refusal(createFinance([{ item: '无方向', amount: 10 }]))
      expect(await count()).toEqual(before)
    })

    it('publishing a draft whose table holds a negative amount is refused, and the public still sees nothing', async () => {
      const draft = (await payload.create({
        collection: 'disclosures',
        data: finance([{ item: '草稿中', direction: 'income', amount: -5 }], {
          _status: 'draft',
        }) as never,
        draft: true,
        ...as(admin),
      })) as unknown as Doc
      const error = await refusal(
        payload.update({
          collection: 'disclosures',
          id: draft.id,
          data: { _status: 'published' } as never,
          ...as(admin),
        }),
      )
      expect(error.data?.errors?.[0]?.message).toMatch(/金额不能为负数/)
      expect((await stored(draft.id))?._status).toEqual('draft')
      await expect(
        payload.findByID({ collection: 'disclosures', id: draft.id, ...as(undefined) }),
      ).rejects.toThrow()
    })
  })

  describe('amounts at the edges are accepted', () => {
    it('zero, one fen and exactly the cap', async () => {
      const lines = [line(0, 'income'), line(1, 'expense'), line(1_000_000_000_000, 'income')]
      const doc = await createFinance(lines.map(plain))
      expect((await stored(doc.id))?.totals).toEqual(expectedTotals(lines))
    })
  })
})
