import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'
import { refusalMessages } from '../helpers/refusal.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'

/**
 * Every access rule, both ways, through the Local API with access enforced (as every request path
 * does): the allowed action works; the refused one fails and leaves the database as it was.
 * Community A is on street A, community B on street B.
 */
const SCOPED: CollectionSlug[] = ['notices', 'disclosures', 'brand-projects', 'case-studies']

let cms: TestCms
let payload: Payload
let world: Awaited<ReturnType<typeof createTwoCommunities>>
const users: Record<string, TestUser | undefined> = {}
let serial = 0

const nextSlug = (prefix: string) => `${prefix}-${(serial += 1)}`

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createTwoCommunities(payload)
  users.admin = await createUser(payload, { role: 'admin' })
  users.editorA = await createUser(payload, { role: 'editor', communities: [world.communityA.id] })
  users.supervisorA = await createUser(payload, { role: 'supervisor', streets: [world.streetA.id] })
  users.editorNone = await createUser(payload, { role: 'editor', communities: [] })
})
afterAll(async () => cms?.close())

async function seedDoc(
  collection: CollectionSlug,
  community: 'A' | 'B',
  status: 'draft' | 'published' = 'published',
) {
  const data = sampleData(collection, {
    community: (community === 'A' ? world.communityA : world.communityB).id,
    source: world.source.id,
    slug: nextSlug(collection),
    status,
  })
  return world.create(collection, data)
}

async function stored(collection: CollectionSlug, id: string | number) {
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    overrideAccess: true,
    depth: 0,
  })
  return docs[0] as unknown as Record<string, unknown> | undefined
}

const communityId = (doc: Record<string, unknown> | undefined) => String(doc?.community)

describe.each(SCOPED)('%s', (collection) => {
  describe('anonymous visitors', () => {
    it('read published documents', async () => {
      const doc = await seedDoc(collection, 'A')
      const found = await payload.findByID({ collection, id: doc.id, ...as(undefined) })
      expect(found.id).toEqual(doc.id)
    })

    it('never see drafts, by ID or in lists', async () => {
      const draft = await seedDoc(collection, 'A', 'draft')
      await expect(
        payload.findByID({ collection, id: draft.id, ...as(undefined) }),
      ).rejects.toThrow()
      const { docs } = await payload.find({ collection, pagination: false, ...as(undefined) })
      expect(docs.map((d) => d.id)).not.toContain(draft.id)
      expect(docs.every((d) => (d as { _status?: string })._status === 'published')).toBe(true)
    })

    it('cannot create, update or delete', async () => {
      const doc = await seedDoc(collection, 'A')
      const before = await payload.count({ collection, overrideAccess: true })
      const data = sampleData(collection, {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('anon'),
      })
      await expect(
        payload.create({ collection, data: data as never, ...as(undefined) }),
      ).rejects.toThrow()
      await expect(
        payload.update({
          collection,
          id: doc.id,
          data: { slug: 'changed' } as never,
          ...as(undefined),
        }),
      ).rejects.toThrow()
      await expect(payload.delete({ collection, id: doc.id, ...as(undefined) })).rejects.toThrow()
      expect(await payload.count({ collection, overrideAccess: true })).toEqual(before)
      expect((await stored(collection, doc.id))?.slug).toEqual(doc.slug)
    })
  })

  describe.each(['editorA', 'supervisorA'])('%s (may edit community A only)', (who) => {
    it('sees drafts of community A but not of community B', async () => {
      const draftA = await seedDoc(collection, 'A', 'draft')
      const draftB = await seedDoc(collection, 'B', 'draft')
      const { docs } = await payload.find({
        collection,
        pagination: false,
        draft: true,
        ...as(users[who]),
      })
      const ids = docs.map((d) => d.id)
      expect(ids).toContain(draftA.id)
      expect(ids).not.toContain(draftB.id)
    })

    it('creates in community A', async () => {
      const data = sampleData(collection, {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug(who.toLowerCase()),
      })
      const doc = await payload.create({ collection, data: data as never, ...as(users[who]) })
      expect(communityId(await stored(collection, doc.id))).toEqual(String(world.communityA.id))
    })

    it('is refused creating in community B, and nothing is written', async () => {
      const before = await payload.count({ collection, overrideAccess: true })
      const data = sampleData(collection, {
        community: world.communityB.id,
        source: world.source.id,
        slug: nextSlug(who.toLowerCase()),
      })
      await expect(
        payload.create({ collection, data: data as never, ...as(users[who]) }),
      ).rejects.toThrow(/无权/)
      expect(await payload.count({ collection, overrideAccess: true })).toEqual(before)
    })

    it('updates and deletes documents of community A', async () => {
      const doc = await seedDoc(collection, 'A')
      await payload.update({
        collection,
        id: doc.id,
        data: { slug: `${doc.slug}-x` } as never,
        ...as(users[who]),
      })
      expect((await stored(collection, doc.id))?.slug).toEqual(`${doc.slug}-x`)
      await payload.delete({ collection, id: doc.id, ...as(users[who]) })
      expect(await stored(collection, doc.id)).toBeUndefined()
    })

    it('is refused updating or deleting documents of community B, which stay as they were', async () => {
      const doc = await seedDoc(collection, 'B')
      await expect(
        payload.update({
          collection,
          id: doc.id,
          data: { slug: 'hijacked' } as never,
          ...as(users[who]),
        }),
      ).rejects.toThrow()
      await expect(payload.delete({ collection, id: doc.id, ...as(users[who]) })).rejects.toThrow()
      expect((await stored(collection, doc.id))?.slug).toEqual(doc.slug)
    })

    it('is refused moving a document of community A to community B', async () => {
      const doc = await seedDoc(collection, 'A')
      await expect(
        payload.update({
          collection,
          id: doc.id,
          data: { community: world.communityB.id } as never,
          ...as(users[who]),
        }),
      ).rejects.toThrow(/无权/)
      expect(communityId(await stored(collection, doc.id))).toEqual(String(world.communityA.id))
    })
  })

  it('an editor without communities can create nothing', async () => {
    const data = sampleData(collection, {
      community: world.communityA.id,
      source: world.source.id,
      slug: nextSlug('none'),
    })
    await expect(
      payload.create({ collection, data: data as never, ...as(users.editorNone) }),
    ).rejects.toThrow()
  })

  it('an admin may write in any community', async () => {
    const doc = await seedDoc(collection, 'B')
    await payload.update({
      collection,
      id: doc.id,
      data: { community: world.communityA.id } as never,
      ...as(users.admin),
    })
    expect(communityId(await stored(collection, doc.id))).toEqual(String(world.communityA.id))
    await payload.delete({ collection, id: doc.id, ...as(users.admin) })
    expect(await stored(collection, doc.id)).toBeUndefined()
  })
})

describe('case studies without a community', () => {
  it('only an admin may write them', async () => {
    const data = {
      ...sampleData('case-studies', {
        community: world.communityA.id,
        source: world.source.id,
        slug: nextSlug('nc'),
      }),
      community: null,
    }
    await expect(
      payload.create({ collection: 'case-studies', data: data as never, ...as(users.editorA) }),
    ).rejects.toThrow(/无权/)
    const doc = await payload.create({
      collection: 'case-studies',
      data: data as never,
      ...as(users.admin),
    })
    expect(doc.id).toBeDefined()
  })
})

describe('communities', () => {
  it('the public reads published communities only', async () => {
    const draft = await world.create('communities', {
      name: '未发布居委会',
      slug: 'weifabu',
      kind: 'residents-committee',
      district: world.district.id,
      _status: 'draft',
    })
    const { docs } = await payload.find({
      collection: 'communities',
      pagination: false,
      ...as(undefined),
    })
    expect(docs.map((d) => d.id)).toContain(world.communityA.id)
    expect(docs.map((d) => d.id)).not.toContain(draft.id)
  })

  it('an editor updates their own community page but not another', async () => {
    await payload.update({
      collection: 'communities',
      id: world.communityA.id,
      data: { office: { dutyHours: '周一至周五' } } as never,
      ...as(users.editorA),
    })
    expect((await stored('communities', world.communityA.id))?.office).toMatchObject({
      dutyHours: '周一至周五',
    })
    await expect(
      payload.update({
        collection: 'communities',
        id: world.communityB.id,
        data: { office: { dutyHours: 'x' } } as never,
        ...as(users.editorA),
      }),
    ).rejects.toThrow()
  })

  it("an editor maintains their own community's service area (辖区), and a supervisor of another street cannot", async () => {
    const serviceArea = {
      estates: [{ name: '甲小区', aliases: ['甲苑'], formerNames: ['甲新村'] }],
      roads: [{ road: '甲路', from: 100, to: 188, parity: 'even', unit: 'lane' }],
    }
    await payload.update({
      collection: 'communities',
      id: world.communityA.id,
      data: { serviceArea } as never,
      ...as(users.editorA),
    })
    expect((await stored('communities', world.communityA.id))?.serviceArea).toMatchObject({
      estates: [{ name: '甲小区', aliases: ['甲苑'], formerNames: ['甲新村'] }],
      roads: [{ road: '甲路', from: 100, to: 188, parity: 'even', unit: 'lane' }],
    })
    const before = (await stored('communities', world.communityB.id))?.serviceArea
    for (const who of ['editorA', 'supervisorA'])
      await expect(
        payload.update({
          collection: 'communities',
          id: world.communityB.id,
          data: { serviceArea } as never,
          ...as(users[who]),
        }),
        who,
      ).rejects.toThrow()
    expect((await stored('communities', world.communityB.id))?.serviceArea).toEqual(before)
  })

  it('a road range that cannot be is refused with a message saying why, and nothing is written', async () => {
    const before = (await stored('communities', world.communityA.id))?.serviceArea
    for (const [road, message] of [
      [{ road: '甲路', from: 188, to: 100, parity: 'all', unit: 'number' }, '起始号不能大于终止号'],
      [{ road: '甲路', from: 100, to: 189, parity: 'even', unit: 'lane' }, '都应为双数'],
      [{ road: '甲路', from: 100, parity: 'all', unit: 'number' }, '要么都填，要么都不填'],
    ] as const)
      expect(
        await refusalMessages(
          payload.update({
            collection: 'communities',
            id: world.communityA.id,
            data: { serviceArea: { roads: [road] } } as never,
            ...as(users.editorA),
          }),
        ),
      ).toContain(message)
    expect((await stored('communities', world.communityA.id))?.serviceArea).toEqual(before)
  })

  it('an editor is refused changing identity fields (slug, street, demo flag)', async () => {
    await expect(
      payload.update({
        collection: 'communities',
        id: world.communityA.id,
        data: { slug: 'renamed' } as never,
        ...as(users.editorA),
      }),
    ).rejects.toThrow(/无权修改/)
    expect((await stored('communities', world.communityA.id))?.slug).toEqual('jia')
  })

  it('only an admin creates or deletes communities', async () => {
    const data = {
      name: '新居委会',
      slug: 'xin',
      kind: 'residents-committee',
      district: world.district.id,
    }
    await expect(
      payload.create({ collection: 'communities', data: data as never, ...as(users.supervisorA) }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'communities', id: world.communityA.id, ...as(users.editorA) }),
    ).rejects.toThrow()
    const doc = await payload.create({
      collection: 'communities',
      data: data as never,
      ...as(users.admin),
    })
    await payload.delete({ collection: 'communities', id: doc.id, ...as(users.admin) })
  })
})

describe('reference data (places, taxonomies, sources)', () => {
  it.each([
    'districts',
    'streets',
    'problem-categories',
    'mechanisms',
    'sources',
  ] as CollectionSlug[])('%s: everyone reads; only admins write', async (collection) => {
    const { totalDocs } = await payload.find({ collection, ...as(undefined) })
    expect(totalDocs).toBeGreaterThanOrEqual(0)
    const data: Record<string, Record<string, unknown>> = {
      districts: { name: '新区', slug: 'xin-qu', city: 'shanghai' },
      streets: { name: '新街道', slug: 'xin-jiedao', kind: 'street', district: world.district.id },
      'problem-categories': { name: '新问题', slug: 'xin-wenti' },
      mechanisms: { name: '新机制', slug: 'xin-jizhi' },
      sources: { title: '新文献', slug: 'xin-wenxian', kind: 'book' },
    }
    for (const who of ['editorA', 'supervisorA'] as const) {
      await expect(
        payload.create({ collection, data: data[collection] as never, ...as(users[who]) }),
      ).rejects.toThrow()
    }
    await expect(
      payload.create({ collection, data: data[collection] as never, ...as(undefined) }),
    ).rejects.toThrow()
    const doc = await payload.create({
      collection,
      data: data[collection] as never,
      ...as(users.admin),
    })
    await payload.delete({ collection, id: doc.id, ...as(users.admin) })
  })
})

describe('users', () => {
  it('staff read only themselves; admins read everyone', async () => {
    const { docs } = await payload.find({
      collection: 'users',
      pagination: false,
      ...as(users.editorA),
    })
    expect(docs.map((d) => d.id)).toEqual([users.editorA!.id])
    const all = await payload.find({ collection: 'users', pagination: false, ...as(users.admin) })
    expect(all.totalDocs).toBeGreaterThanOrEqual(4)
    await expect(payload.find({ collection: 'users', ...as(undefined) })).rejects.toThrow()
  })

  it('an editor cannot give themselves more communities or another role', async () => {
    await expect(
      payload.update({
        collection: 'users',
        id: users.editorA!.id,
        data: { role: 'admin' } as never,
        ...as(users.editorA),
      }),
    ).rejects.toThrow(/无权修改/)
    await expect(
      payload.update({
        collection: 'users',
        id: users.editorA!.id,
        data: { communities: [world.communityA.id, world.communityB.id] } as never,
        ...as(users.editorA),
      }),
    ).rejects.toThrow(/无权修改/)
    const me = await stored('users', users.editorA!.id)
    expect(me?.role).toEqual('editor')
    expect((me?.communities as unknown[]).map(String)).toEqual([String(world.communityA.id)])
  })

  it('an editor may change their own name but cannot create users', async () => {
    await payload.update({
      collection: 'users',
      id: users.editorA!.id,
      data: { name: '新名字' } as never,
      ...as(users.editorA),
    })
    expect((await stored('users', users.editorA!.id))?.name).toEqual('新名字')
    await expect(
      payload.create({
        collection: 'users',
        data: { name: 'x', email: 'x@example.test', password: 'pw-123456', role: 'admin' } as never,
        ...as(users.editorA),
      }),
    ).rejects.toThrow()
  })

  it('the first account created on an empty database becomes an admin', async () => {
    // Covered on a fresh database in tests/cms/first-user.test.ts; here, later accounts keep their role.
    expect(users.editorA!.role).toEqual('editor')
  })
})
