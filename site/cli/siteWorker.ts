/**
 * A site worker: takes site builds from Payload's job queue (cms/jobs/buildSite.ts) and runs them,
 * one at a time. `npm start` runs one; `npm run worker` runs more, on this machine or others that
 * reach the same database. Each loop it also reclaims the build of a worker that died, and asks for a
 * build when a meeting ends or a Beijing day begins (when notices expire and the 公开目录's due dates
 * move), since those pages depend on the clock.
 */
import type { Payload, Where } from 'payload'

import { beijingDay, endOfDay } from '../../cms/beijingTime.ts'
import { buildDue, queueSiteBuild, SITE_QUEUE } from '../../cms/jobs/buildSite.ts'
import { prepareStandbyBuild, stopSiteBuilds } from '../../cms/jobs/runSiteBuild.ts'
import { LEASE_MS, reclaimDeadBuild } from '../../cms/jobs/siteBuildLock.ts'

export type SiteWorkerOptions = { log: (line: string) => void; pollMs?: number }

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0)

/** The soonest published meeting that ends (or, without an end, starts) after `after`. */
async function nextMeetingMoment(payload: Payload, after: number, field: 'endsAt' | 'startsAt') {
  const where: Where = { [`meeting.${field}`]: { greater_than: new Date(after).toISOString() } }
  if (field === 'startsAt') where['meeting.endsAt'] = { exists: false }
  const { docs } = await payload.find({
    collection: 'notices',
    where,
    sort: `meeting.${field}`,
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { meeting: true },
  })
  return time(docs[0]?.meeting?.[field])
}

/**
 * The next moment a meeting ends or a Beijing day begins. A notice expires at the end of its
 * Beijing day, so its expiry is always a day boundary and needs no query of its own; the 公开目录
 * counts due dates by the Beijing day too. Two one-row queries, whatever the number of notices.
 */
export async function nextClockBoundary(payload: Payload, after: number): Promise<number> {
  const moments = [
    endOfDay(beijingDay(after)) + 1,
    await nextMeetingMoment(payload, after, 'endsAt'),
    await nextMeetingMoment(payload, after, 'startsAt'),
  ]
  return moments.reduce((next, t) => (t > after && t < next ? t : next), Infinity)
}

/**
 * How often a worker looks for a build: every publish waits for the next look, so often, and a look
 * with no build waiting is one read (buildDue). A dead worker's lease runs out after LEASE_MS, so looking for one
 * (a write, in a transaction) six times a lease finds it soon enough.
 */
const POLL_MS = 200
const RECLAIM_MS = LEASE_MS / 6

export function startSiteWorker(payload: Payload, { log, pollMs = POLL_MS }: SiteWorkerOptions) {
  let busy = false
  let stopped = false
  let nextBoundary = Number.POSITIVE_INFINITY
  let lastReclaim = 0

  async function tick() {
    if (busy || stopped) return
    busy = true
    try {
      const now = Date.now()
      if (now - lastReclaim >= RECLAIM_MS) {
        lastReclaim = now
        const reclaimed = await reclaimDeadBuild(payload)
        if (reclaimed)
          log(`Site: a worker stopped mid-build; its job ${reclaimed} goes back to the queue.`)
      }
      if (now >= nextBoundary) {
        nextBoundary = Number.POSITIVE_INFINITY
        await queueSiteBuild(payload, '通知到期、会议结束或新的一天（公开目录）')
      }
      if (!(await buildDue(payload))) return
      const { jobStatus } = (await payload.jobs.run({ queue: SITE_QUEUE, limit: 1 })) ?? {}
      if (jobStatus && Object.keys(jobStatus).length)
        nextBoundary = await nextClockBoundary(payload, now)
    } finally {
      busy = false
    }
  }

  // The first publish after a start need not wait for a build process to load either.
  prepareStandbyBuild()
  nextClockBoundary(payload, Date.now())
    .then((moment) => (nextBoundary = moment))
    .catch((error) => log(`Site: ${(error as Error).message}`))
  const timer = setInterval(() => {
    tick().catch((error) => log(`Site: worker error: ${(error as Error).message}`))
  }, pollMs)
  return {
    /** Stops taking builds, and resolves once its build processes have ended. */
    stop: () => {
      stopped = true
      clearInterval(timer)
      return stopSiteBuilds()
    },
  }
}
