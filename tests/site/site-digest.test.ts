import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { siteDigest } from '../../site/cli/siteDigest.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'

/**
 * The site digest (site/cli/siteDigest.ts) tells `npm start` whether the built site is current. It
 * reads a few rows per collection instead of every document, so each kind of change the public can
 * see must still move it, on a real database; and changes the public cannot see must not.
 */
let cms: TestCms
let payload: Payload
let world: Awaited<ReturnType<typeof createTwoCommunities>>
let serial = 0

const notice = (status: 'draft' | 'published' = 'published') =>
  world.create(
    'notices',
    sampleData('notices', {
      community: world.communityA.id,
      source: world.source.id,
      slug: `digest-${(serial += 1)}`,
      status,
    }),
  )
const update = (id: string | number, data: Record<string, unknown>) =>
  payload.update({ collection: 'notices', id, data, overrideAccess: true, draft: false })

/** Runs `change` and says whether the digest moved. */
async function moves(change: () => Promise<unknown>) {
  const before = await siteDigest(payload)
  await change()
  return (await siteDigest(payload)) !== before
}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createTwoCommunities(payload)
})
afterAll(() => cms?.close())

describe('the site digest', () => {
  it('stays put when nothing the public sees changes', async () => {
    expect(await moves(async () => {})).toBe(false)
    expect(await moves(() => notice('draft'))).toBe(false)
    const published = await notice()
    // A draft saved over a published notice leaves its public version as it was.
    expect(
      await moves(() =>
        payload.update({
          collection: 'notices',
          id: published.id,
          data: { title: '尚未发布的修改' },
          draft: true,
          overrideAccess: true,
        }),
      ),
    ).toBe(false)
  })

  it('moves on a publish, an edit, an unpublish and a deletion', async () => {
    let published: { id: string | number } | undefined
    expect(await moves(async () => (published = await notice()))).toBe(true)
    expect(await moves(() => update(published!.id, { title: '改过的标题' }))).toBe(true)
    expect(await moves(() => update(published!.id, { _status: 'draft' }))).toBe(true)
    const other = await notice()
    expect(
      await moves(() =>
        payload.delete({ collection: 'notices', id: other.id, overrideAccess: true }),
      ),
    ).toBe(true)
    // Another collection than notices: a community renamed.
    expect(
      await moves(() =>
        payload.update({
          collection: 'communities',
          id: world.communityB.id,
          data: { name: '乙居委会（新名）' },
          overrideAccess: true,
          draft: false,
        }),
      ),
    ).toBe(true)
  })

  it('moves on a save that commits after a newer one, carrying the older time', async () => {
    const older = await notice()
    const newer = await notice()
    // What a save waiting for its turn looks like once it commits: its `updatedAt` was set when it
    // started, before the newer save's. Written under the hooks, as the late commit lands.
    const startedAt = new Date(Date.parse(newer.updatedAt as string) - 5_000).toISOString()
    expect(
      await moves(() =>
        payload.db.updateOne({
          collection: 'notices',
          id: older.id,
          data: { title: '迟到的保存', updatedAt: startedAt },
        }),
      ),
    ).toBe(true)
    const { updatedAt } = await payload.findByID({ collection: 'notices', id: older.id, depth: 0 })
    expect(updatedAt).toBe(startedAt)
  })
})
