import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { buildDue, queueSiteBuild, SITE_QUEUE } from '../../cms/jobs/buildSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'

/**
 * The site build's place in Payload's job queue (cms/jobs/buildSite.ts): a save asks for one build
 * however many saves arrive before it starts, and a worker (site/cli/siteWorker.ts) asks the queue to
 * run only when buildDue says a build may start, as Payload would pick it. On a real database.
 */
let cms: TestCms
let payload: Payload

const siteJobs = () =>
  payload.find({
    collection: 'payload-jobs',
    where: { queue: { equals: SITE_QUEUE } },
    overrideAccess: true,
    depth: 0,
  })

async function onlyJob() {
  const { docs } = await siteJobs()
  expect(docs).toHaveLength(1)
  return docs[0]!
}

const setJob = (id: string | number, data: Record<string, unknown>) =>
  payload.update({ collection: 'payload-jobs', id, data, overrideAccess: true, depth: 0 })

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString()

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
})
afterAll(() => cms?.close())
beforeEach(() =>
  payload.delete({
    collection: 'payload-jobs',
    where: { id: { exists: true } },
    overrideAccess: true,
  }),
)

describe('the site build queue', () => {
  it('asks for one build for saves arriving before it starts', async () => {
    await queueSiteBuild(payload, 'first save')
    await queueSiteBuild(payload, 'second save')
    expect((await onlyJob()).input).toEqual({ reason: 'first save' })
  })

  it('says a build is due once its wait is over, and not while it waits', async () => {
    await queueSiteBuild(payload, 'a save')
    const job = await onlyJob()
    await setJob(job.id, { waitUntil: inMs(3_600_000) })
    expect(await buildDue(payload)).toBe(false)
    await setJob(job.id, { waitUntil: inMs(-1000) })
    expect(await buildDue(payload)).toBe(true)
  })

  it('says no build is due when the one asked for is taken, done or given up on', async () => {
    await queueSiteBuild(payload, 'a save')
    const job = await onlyJob()
    await setJob(job.id, { waitUntil: inMs(-1000), processing: true })
    expect(await buildDue(payload)).toBe(false)
    await setJob(job.id, { processing: false, hasError: true })
    expect(await buildDue(payload)).toBe(false)
    await setJob(job.id, { hasError: false, completedAt: inMs(0) })
    expect(await buildDue(payload)).toBe(false)
    await setJob(job.id, { completedAt: null })
    expect(await buildDue(payload)).toBe(true)
  })

  it('says no build is due while another runs, as Payload would run none', async () => {
    await queueSiteBuild(payload, 'a save')
    const running = await onlyJob()
    await setJob(running.id, { processing: true })
    await queueSiteBuild(payload, 'a save during the build')
    const { docs } = await siteJobs()
    const waiting = docs.find((job) => job.id !== running.id)!
    await setJob(waiting.id, { waitUntil: inMs(-1000) })
    expect(await buildDue(payload)).toBe(false)
    await setJob(running.id, { processing: false, completedAt: inMs(0) })
    expect(await buildDue(payload)).toBe(true)
  })

  it('leaves jobs of other queues to their own runners', async () => {
    await payload.jobs.queue({ task: 'catalogueReminders', queue: 'default', input: {} })
    expect(await buildDue(payload)).toBe(false)
  })
})
