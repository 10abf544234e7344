import { rmSync } from 'node:fs'

import { afterAll, describe, expect, it } from 'vitest'

import { startCms, type TestCms } from '../helpers/cms.ts'
import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { anonymous, restClient } from '../helpers/rest.ts'

/**
 * A publish scheduled in the admin (Payload's schedulePublish job, in the database's job queue) is
 * due while the CMS is down: the server crashed (SIGKILL) before the moment came and starts again
 * after it. The restarted CMS publishes the notice, exactly once: one published version, the job
 * gone from the queue, and nothing more after the queue has run again.
 */
const SLUG = 'dingshi-fabu-chongqi-ceshi'
const TITLE = '定时发布：停电后重启仍按时发布'
let dataDir: string
let server: CmsServer | undefined
/** This process's own view of the same database, which never runs the queue itself. */
let local: TestCms | undefined

afterAll(async () => {
  await server?.stop()
  await local?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The server's scheduled jobs run as in production (every minute), not switched off as elsewhere. */
const start = () => startCmsServer({ PAYLOAD_JOBS_AUTORUN: 'true' }, dataDir)
const publicCopies = async (url: string) =>
  (await restClient(url).get(anonymous, `/api/notices?where[slug][equals]=${SLUG}&depth=0`)).json
    ?.docs as Array<{ title: string }>

/** What the database holds: the notice's published versions and the job's record. */
async function stored(cms: TestCms) {
  const [notice] = (
    await cms.payload.find({
      collection: 'notices',
      where: { slug: { equals: SLUG } },
      overrideAccess: true,
      draft: true,
    })
  ).docs
  const versions = await cms.payload.findVersions({
    collection: 'notices',
    where: { parent: { equals: notice!.id } },
    overrideAccess: true,
    pagination: false,
  })
  const jobs = await cms.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'schedulePublish' } },
    overrideAccess: true,
    pagination: false,
  })
  return {
    published: versions.docs.filter((v) => v.version._status === 'published').length,
    jobs: jobs.docs.map((job) => ({
      completed: Boolean(job.completedAt),
      tries: job.totalTried,
      error: job.hasError,
    })),
  }
}

describe('the CMS restarted while a scheduled publish is due', () => {
  it('publishes the notice exactly once', async () => {
    dataDir = await copyOfCorpus('scheduled-publish-')
    process.env.PAYLOAD_JOBS_AUTORUN = 'false'
    local = await startCms({ existingDataDir: dataDir })
    server = await start()
    const api = restClient(server.url)
    const admin = await api.firstAdmin('Scheduled-publish-2026')
    const { json: communities } = await api.get(admin, '/api/communities?where[slug][equals]=shili')
    const draft = await api.post(admin, '/api/notices?draft=true', {
      title: TITLE,
      slug: SLUG,
      kind: 'activity',
      community: communities.docs[0].id,
      _status: 'draft',
    })
    expect(draft.status).toBe(201)

    // Scheduled as the admin's "schedule publish" does: a job in the queue, due in 20 s.
    const due = Date.now() + 20_000
    await local.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'notices', value: draft.json.doc.id } },
      waitUntil: new Date(due),
    })
    expect(await publicCopies(server.url)).toEqual([])

    await server.crash()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 5_000))
    server = await start()

    // The queue runs every minute: the notice is public within about a minute of the restart.
    const deadline = Date.now() + 150_000
    while ((await publicCopies(server.url)).length === 0) {
      if (Date.now() > deadline)
        throw new Error(`never published after the restart:\n${server.log().slice(-3000)}`)
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
    expect((await publicCopies(server.url)).map((doc) => doc.title)).toEqual([TITLE])

    // Another run of the queue later, then a look at what is stored.
    await new Promise((resolve) => setTimeout(resolve, 65_000))
    // Payload deletes a job once it is done: a failed or waiting one would still be listed.
    expect(await stored(local)).toEqual({ published: 1, jobs: [] })
    // Two server starts and two minutes of waiting for the queue's schedule.
  }, 600_000)
})
