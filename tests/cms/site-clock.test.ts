import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { nextClockBoundary } from '../../site/cli/siteWorker.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities, sampleData } from '../helpers/fixtures.ts'

/**
 * The site worker rebuilds when the clock changes a page: a meeting ends (its notice moves from
 * 即将召开 to past meetings), or a Beijing day begins (notices expire, 公开目录 items fall due).
 * It asks the real database for the next such moment with one-row queries.
 */
let cms: TestCms
let payload: Payload
let world: Awaited<ReturnType<typeof createTwoCommunities>>
let serial = 0

const at = (beijing: string) => Date.parse(`${beijing}+08:00`)
const after = at('2027-03-10T09:00:00')
const nextMidnight = at('2027-03-11T00:00:00')

async function meeting(
  startsAt: string,
  endsAt: string | null,
  status: 'draft' | 'published' = 'published',
) {
  const base = sampleData('notices', {
    community: world.communityA.id,
    source: world.source.id,
    slug: `clock-${(serial += 1)}`,
    status,
  })
  return world.create('notices', {
    ...base,
    kind: 'meeting',
    meeting: {
      startsAt: new Date(at(startsAt)).toISOString(),
      endsAt: endsAt && new Date(at(endsAt)).toISOString(),
      place: '居委会会议室',
    },
  })
}

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createTwoCommunities(payload)
})
afterAll(() => cms?.close())

describe('the next moment the clock changes the site', () => {
  it('is the next Beijing midnight when no meeting ends before it', async () => {
    expect(await nextClockBoundary(payload, after)).toBe(nextMidnight)
    await meeting('2027-03-09T14:00:00', '2027-03-09T16:00:00') // already over
    await meeting('2027-03-10T20:00:00', '2027-03-11T01:00:00') // ends after midnight
    expect(await nextClockBoundary(payload, after)).toBe(nextMidnight)
  })

  it('is the end of the soonest published meeting, ignoring drafts', async () => {
    await meeting('2027-03-10T14:00:00', '2027-03-10T16:00:00')
    await meeting('2027-03-10T09:30:00', '2027-03-10T11:00:00')
    await meeting('2027-03-10T09:05:00', '2027-03-10T09:10:00', 'draft')
    expect(await nextClockBoundary(payload, after)).toBe(at('2027-03-10T11:00:00'))
  })

  it('is the start of a published meeting that has no end, when that comes first', async () => {
    await meeting('2027-03-10T10:30:00', null)
    expect(await nextClockBoundary(payload, after)).toBe(at('2027-03-10T10:30:00'))
    // Once that moment has passed, the next one is found.
    expect(await nextClockBoundary(payload, at('2027-03-10T10:30:00'))).toBe(
      at('2027-03-10T11:00:00'),
    )
  })
})
