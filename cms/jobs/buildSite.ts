/**
 * The site build as a job on Payload's queue (queue `site`), so any number of workers — the one
 * `npm start` runs, `npm run worker` on other machines — take builds from the database: a save asks
 * for one (cms/hooks/queueSiteRebuild.ts), a worker runs it (cli/worker.ts), one at a time
 * (cms/jobs/siteBuildLock.ts), and a failed build is tried again with growing pauses. Its outcome
 * goes to the site-build global, which the admin dashboard shows.
 */
import type { Payload, TaskConfig, Where } from 'payload'

import { SITE_BUILD_FAILURES } from '../globals/SiteBuild/index.ts'
import { runSiteBuild } from './runSiteBuild.ts'
import {
  acquireBuildLock,
  LEASE_MS,
  releaseBuildLock,
  renewBuildLock,
  workerName,
} from './siteBuildLock.ts'

export const SITE_QUEUE = 'site'
/**
 * Edits arriving together (a script's, an import's) are built together: a build waits this long
 * after the first of them. Short, since every publish waits it out; saves arriving during a build are
 * gathered by the one build queued after it anyway (queueSiteBuild).
 */
export const BUILD_DELAY_MS = Number(process.env.SITE_BUILD_DELAY_MS || 200)

/** The worker's own output (npm start's terminal), whatever Payload's log level. */
const log = (line: string) => console.log(line)

const report = (payload: Payload, data: Record<string, unknown>) =>
  payload.updateGlobal({ slug: 'site-build', data, overrideAccess: true })

/** Waits for the build lock: another worker may be finishing a build. */
async function waitForLock(payload: Payload, job: string) {
  const deadline = Date.now() + LEASE_MS * 2
  while (!(await acquireBuildLock(payload, job))) {
    if (Date.now() > deadline) throw new Error('another worker still holds the site build lock')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

export const buildSiteTask: TaskConfig<{ input: { reason?: string }; output: object }> = {
  slug: 'buildSite',
  label: '更新公开网站',
  inputSchema: [{ name: 'reason', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  // Payload runs one job of a key at a time; the lock makes sure of it across processes.
  concurrency: { key: () => 'site-build', exclusive: true },
  handler: async ({ job, req }) => {
    const { payload } = req
    await waitForLock(payload, String(job.id))
    const renew = setInterval(() => {
      renewBuildLock(payload).catch((error) =>
        payload.logger.warn(`site build lease not renewed: ${(error as Error).message}`),
      )
    }, LEASE_MS / 3)
    const startedAt = new Date()
    try {
      await report(payload, { state: 'building', startedAt: startedAt.toISOString() })
      log(`Site: ${workerName()} building (job ${job.id}) …`)
      const { ok, output, diskFull, wasWaiting } = await runSiteBuild()
      const finishedAt = new Date()
      const durationMs = finishedAt.getTime() - startedAt.getTime()
      if (!ok) {
        const failures = (job.totalTried ?? 0) + 1
        await report(payload, {
          state: 'failed',
          finishedAt: finishedAt.toISOString(),
          durationMs,
          failures,
          error: `${SITE_BUILD_FAILURES[diskFull ? 'diskFull' : 'other']}\n\n${output.trim().slice(-2000)}`,
        })
        throw new Error(`the site build failed:\n${output.trim().split('\n').slice(-5).join('\n')}`)
      }
      await report(payload, {
        state: 'idle',
        finishedAt: finishedAt.toISOString(),
        succeededAt: finishedAt.toISOString(),
        durationMs,
        failures: 0,
        error: null,
      })
      // What the build printed of itself (site/cli/build.ts): its own time, its work and its
      // steps, e.g. "12 of 11370 pages rendered, 0 files removed" and "Astro 9.8s, pruning …".
      const built =
        /Site built in ([\d.]+s): (\d+ of \d+ pages rendered, \d+ files removed).*\((Astro [^)]*)\)/.exec(
          output,
        )
      const detail = built
        ? ` (${built[2]}; the build itself ${built[1]}: ${built[3]}; in ${wasWaiting ? 'the process waiting loaded' : 'a new process'})`
        : ''
      log(`Site: ${workerName()} built in ${(durationMs / 1000).toFixed(1)}s${detail}.`)
      return { output: {} }
    } finally {
      clearInterval(renew)
      await releaseBuildLock(payload)
    }
  },
}

const SITE_BUILD: Where = { taskSlug: { equals: buildSiteTask.slug } }
/** Site builds asked for and not yet taken by a worker (nor given up on after their retries). */
const WAITING: Where[] = [
  SITE_BUILD,
  { processing: { equals: false } },
  { completedAt: { exists: false } },
  { hasError: { not_equals: true } },
]

/**
 * Whether a waiting build may start now, as Payload's queue would pick it: its BUILD_DELAY_MS or
 * retry pause is over, and no other site build is running (one at a time: the task's concurrency
 * key). One read when none waits, as on nearly every look; asking the queue to run is a write,
 * even when it then runs nothing.
 */
export async function buildDue(payload: Payload) {
  const any = async (and: Where[]) =>
    (await payload.count({ collection: 'payload-jobs', where: { and }, overrideAccess: true }))
      .totalDocs > 0
  const due = await any([
    ...WAITING,
    { queue: { equals: SITE_QUEUE } },
    {
      or: [
        { waitUntil: { exists: false } },
        { waitUntil: { less_than: new Date().toISOString() } },
      ],
    },
  ])
  return (
    due &&
    !(await any([SITE_BUILD, { processing: { equals: true } }, { completedAt: { exists: false } }]))
  )
}

/**
 * Asks for a site build unless one is already waiting to start (that one will see this change too,
 * since it reads the content when it starts).
 */
export async function queueSiteBuild(payload: Payload, reason: string, req?: object) {
  const waiting = await payload.find({
    collection: 'payload-jobs',
    where: { and: WAITING },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (waiting.totalDocs > 0) return
  await payload.jobs.queue({
    task: 'buildSite',
    queue: SITE_QUEUE,
    input: { reason },
    waitUntil: new Date(Date.now() + BUILD_DELAY_MS),
    req: req as never,
  })
}
