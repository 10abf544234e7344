import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Disclosure } from '../../cms/payload-types.ts'
import { findPersonalData } from '../../cms/utilities/personalData.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'
import { refusalMessages } from '../helpers/refusal.ts'

/**
 * Publishing as staff do it: disclosures need a second person, changes to published disclosures
 * leave a correction log, personal data is caught before it goes public, and every publish asks
 * for a site rebuild.
 */
let cms: TestCms
let payload: Payload
let world: Awaited<ReturnType<typeof createTwoCommunities>>
let admin: TestUser
let editor: TestUser
let supervisor: TestUser
let serial = 0

const slug = () => `wf-${(serial += 1)}`
const disclosureData = (extra: Record<string, unknown> = {}) => ({
  ...sampleData('disclosures', {
    community: world.communityA.id,
    source: world.source.id,
    slug: slug(),
  }),
  body: null,
  ...extra,
})
const publicRead = (id: string | number) =>
  payload
    .find({ collection: 'disclosures', where: { id: { equals: id } }, ...as(undefined) })
    .then((r) => r.docs[0] as Disclosure | undefined)
const stored = (id: string | number) =>
  payload.findByID({
    collection: 'disclosures',
    id,
    depth: 0,
    overrideAccess: true,
    draft: true,
  }) as Promise<Disclosure>

// A valid mainland ID number (check digit computed by the standard weights) and a valid Luhn card number.
const ID_NUMBER = '11010519491231002X'
const CARD_NUMBER = '6222020200001234562'

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  admin = await createUser(payload, { role: 'admin' })
  world = await createTwoCommunities(payload)
  editor = await createUser(payload, { role: 'editor', communities: [world.communityA.id] })
  supervisor = await createUser(payload, { role: 'supervisor', streets: [world.streetA.id] })
})
afterAll(async () => cms?.close())

describe('disclosures need a second person', () => {
  it("an editor's publish is held as a draft submitted for review, invisible to the public", async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData() as never,
      ...as(editor),
    })
    const saved = await stored(doc.id)
    expect(saved._status).toBe('draft')
    expect(saved.review?.state).toBe('submitted')
    expect(String(saved.review?.submittedBy)).toBe(String(editor.id))
    expect(await publicRead(doc.id)).toBeUndefined()
  })

  it('a street supervisor publishes it, and is recorded as the approver', async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData() as never,
      ...as(editor),
    })
    await payload.update({
      collection: 'disclosures',
      id: doc.id,
      data: { _status: 'published' } as never,
      ...as(supervisor),
    })
    const saved = await stored(doc.id)
    expect(saved._status).toBe('published')
    expect(saved.review?.state).toBe('approved')
    expect(String(saved.review?.approvedBy)).toBe(String(supervisor.id))
    expect(await publicRead(doc.id)).toBeDefined()
  })

  it("an editor's change to a published disclosure waits for approval; the public keeps the published text", async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData({ title: '原标题' }) as never,
      ...as(admin),
    })
    await payload.update({
      collection: 'disclosures',
      id: doc.id,
      data: { title: '新标题', changeNote: '标题写错了', _status: 'published' } as never,
      ...as(editor),
    })
    expect((await publicRead(doc.id))?.title).toBe('原标题')
    expect((await stored(doc.id)).title).toBe('新标题') // the pending draft
  })

  it('notices are published by the community editor directly', async () => {
    const data = sampleData('notices', {
      community: world.communityA.id,
      source: world.source.id,
      slug: slug(),
    })
    const doc = await payload.create({
      collection: 'notices',
      data: data as never,
      ...as(editor),
    })
    expect(doc._status).toBe('published')
  })
})

describe('changes to a published disclosure', () => {
  it('are refused without a change note, and the published text stays', async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData({ title: '第一版' }) as never,
      ...as(admin),
    })
    expect(
      await refusalMessages(
        payload.update({
          collection: 'disclosures',
          id: doc.id,
          data: { title: '第二版' } as never,
          ...as(admin),
        }),
      ),
    ).toMatch(/须填写更正说明/)
    expect((await publicRead(doc.id))?.title).toBe('第一版')
  })

  it('with a note, go into the public correction log with their date', async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData({ title: '第一版' }) as never,
      ...as(admin),
    })
    const before = Date.now()
    await payload.update({
      collection: 'disclosures',
      id: doc.id,
      data: { title: '第二版', changeNote: '更正标题中的错字' } as never,
      ...as(admin),
    })
    const saved = (await publicRead(doc.id))!
    expect(saved.title).toBe('第二版')
    expect(saved.corrections).toHaveLength(1)
    expect(saved.corrections![0].note).toBe('更正标题中的错字')
    expect(Date.parse(saved.corrections![0].date)).toBeGreaterThanOrEqual(before - 1000)
    expect(saved.changeNote ?? null).toBeNull()
  })

  it("an editor's note travels with the held change and is logged when the supervisor publishes it", async () => {
    const doc = await payload.create({
      collection: 'disclosures',
      data: disclosureData({ summary: '旧摘要' }) as never,
      ...as(admin),
    })
    await payload.update({
      collection: 'disclosures',
      id: doc.id,
      data: { summary: '新摘要', changeNote: '补充说明', _status: 'published' } as never,
      ...as(editor),
    })
    const draft = await stored(doc.id)
    await payload.update({
      collection: 'disclosures',
      id: doc.id,
      data: { ...draft, _status: 'published' } as never,
      ...as(supervisor),
    })
    const saved = (await publicRead(doc.id))!
    expect(saved.summary).toBe('新摘要')
    expect(saved.corrections?.map((c: { note: string }) => c.note)).toEqual(['补充说明'])
  })
})

describe('personal data', () => {
  it('is recognised by check digits, not just by length', () => {
    expect(findPersonalData(`身份证 ${ID_NUMBER}`).map((h) => h.kind)).toEqual(['id-card'])
    expect(findPersonalData('身份证 110105194912310021')).toEqual([]) // wrong check digit
    expect(findPersonalData('联系电话 138 1234 5678').map((h) => h.kind)).toEqual(['mobile'])
    expect(findPersonalData(`卡号 ${CARD_NUMBER}`).map((h) => h.kind)).toEqual(['bank-card'])
    expect(
      findPersonalData(
        '座机 021-5555-0101，金额 15000.00 元，日期 2026-11-22，文号 沪民基发〔2015〕12号',
      ),
    ).toEqual([])
  })

  it('blocks publishing a disclosure that contains it, and nothing is published', async () => {
    const data = disclosureData({
      lineItems: [{ item: `补助 身份证${ID_NUMBER}`, direction: 'expense', amount: 100 }],
    })
    expect(
      await refusalMessages(
        payload.create({ collection: 'disclosures', data: data as never, ...as(admin) }),
      ),
    ).toMatch(new RegExp(`身份证号 ${ID_NUMBER}`))
    expect(
      (
        await payload.count({
          collection: 'disclosures',
          where: { slug: { equals: data.slug } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('lets a disclosure through once someone confirms it may be public', async () => {
    const data = disclosureData({ summary: `收款账户 ${CARD_NUMBER}`, personalDataConfirmed: true })
    const doc = await payload.create({
      collection: 'disclosures',
      data: data as never,
      ...as(admin),
    })
    expect(doc._status).toBe('published')
    expect(doc.personalDataWarning).toMatch(/银行卡号/)
  })

  it('is flagged on a notice, which is still published', async () => {
    const data = {
      ...sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: slug(),
      }),
      summary: '报名请联系 13912345678',
    }
    const doc = await payload.create({
      collection: 'notices',
      data: data as never,
      ...as(editor),
    })
    expect(doc._status).toBe('published')
    expect(doc.personalDataWarning).toMatch(/手机号 13912345678/)
  })
})

describe('scheduled publishing', () => {
  // The admin's "schedule publish" queues this job; the CMS server runs due jobs every minute
  // (jobs.autoRun). Here the job is queued the same way and run at once.
  const schedule = (
    collection: 'notices' | 'disclosures',
    id: string | number,
    user: TestUser,
    waitUntil: Date,
  ) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: collection, value: String(id) },
        user: { relationTo: 'users', value: user.id },
      } as never,
      waitUntil,
    })

  it('publishes a draft notice once its time has come, not before', async () => {
    const data = sampleData('notices', {
      community: world.communityA.id,
      source: world.source.id,
      slug: slug(),
      status: 'draft',
    })
    const draft = await payload.create({
      collection: 'notices',
      data: data as never,
      draft: true,
      ...as(editor),
    })
    await schedule('notices', draft.id, editor, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run()
    expect(
      (await payload.findByID({ collection: 'notices', id: draft.id, overrideAccess: true }))
        ._status,
    ).toBe('draft')

    await schedule('notices', draft.id, editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    expect(
      (await payload.findByID({ collection: 'notices', id: draft.id, overrideAccess: true }))
        ._status,
    ).toBe('published')
  })

  it("an editor's scheduled disclosure is still held for approval when its time comes", async () => {
    const draft = await payload.create({
      collection: 'disclosures',
      data: disclosureData({ _status: 'draft' }) as never,
      draft: true,
      ...as(editor),
    })
    await schedule('disclosures', draft.id, editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    const saved = await stored(draft.id)
    expect(saved._status).toBe('draft')
    expect(saved.review?.state).toBe('submitted')
    expect(await publicRead(draft.id)).toBeUndefined()
  })
})

describe('publishing asks for a site rebuild', () => {
  const requestedAt = async () =>
    (await payload.findGlobal({ slug: 'site-build', overrideAccess: true })).requestedAt as
      string | null

  it('a published notice does; a draft does not', async () => {
    const draftData = {
      ...sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: slug(),
        status: 'draft',
      }),
    }
    const before = await requestedAt()
    await payload.create({
      collection: 'notices',
      data: draftData as never,
      draft: true,
      ...as(editor),
    })
    expect(await requestedAt()).toEqual(before)

    const data = sampleData('notices', {
      community: world.communityA.id,
      source: world.source.id,
      slug: slug(),
    })
    await payload.create({ collection: 'notices', data: data as never, ...as(editor) })
    const after = await requestedAt()
    expect(after).not.toEqual(before)
    expect((await payload.findGlobal({ slug: 'site-build', overrideAccess: true })).state).toBe(
      'queued',
    )
  })

  it('deleting a published notice does too', async () => {
    const data = sampleData('notices', {
      community: world.communityA.id,
      source: world.source.id,
      slug: slug(),
    })
    const doc = await payload.create({
      collection: 'notices',
      data: data as never,
      ...as(editor),
    })
    await payload.updateGlobal({
      slug: 'site-build',
      data: { requestedAt: null, state: 'idle' } as never,
      overrideAccess: true,
    })
    await payload.delete({ collection: 'notices', id: doc.id, ...as(editor) })
    expect(await requestedAt()).not.toBeNull()
  })

  it('a draft saved over a published notice changes nothing public; unpublishing it then does', async () => {
    const removals = async (id: string | number) =>
      (
        await payload.count({
          collection: 'site-removals',
          where: { ofCollection: { equals: 'notices' }, docId: { equals: String(id) } },
          overrideAccess: true,
        })
      ).totalDocs
    const reset = () =>
      payload.updateGlobal({
        slug: 'site-build',
        data: { requestedAt: null, state: 'idle' } as never,
        overrideAccess: true,
      })
    const doc = await payload.create({
      collection: 'notices',
      data: sampleData('notices', {
        community: world.communityA.id,
        source: world.source.id,
        slug: slug(),
      }) as never,
      ...as(editor),
    })
    await reset()
    // SQLite may give a new document the id of one deleted before, whose removal is on record.
    const removed = await removals(doc.id)
    // The hooks see the new version, a draft, yet the public still reads the published one.
    await payload.update({
      collection: 'notices',
      id: doc.id,
      data: { title: '还没发布的修改' },
      draft: true,
      ...as(editor),
    })
    expect(await requestedAt()).toBeNull()
    expect(await removals(doc.id)).toBe(removed)
    // With that draft pending, the hooks' previous version is the draft: the unpublish must still
    // be seen as one, by what the public could read before.
    await payload.update({
      collection: 'notices',
      id: doc.id,
      data: { _status: 'draft' },
      draft: false,
      ...as(editor),
    })
    expect(await requestedAt()).not.toBeNull()
    expect(await removals(doc.id)).toBe(removed + 1)
    expect(
      (
        await payload.find({
          collection: 'notices',
          where: { id: { equals: doc.id } },
          ...as(undefined),
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('editors may read the build status but not change it', async () => {
    await expect(payload.findGlobal({ slug: 'site-build', ...as(editor) })).resolves.toBeDefined()
    await expect(
      payload.updateGlobal({ slug: 'site-build', data: { state: 'idle' } as never, ...as(editor) }),
    ).rejects.toThrow()
    await expect(payload.findGlobal({ slug: 'site-build', ...as(undefined) })).rejects.toThrow()
  })
})
