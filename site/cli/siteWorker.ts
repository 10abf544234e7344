/**
 * A site worker: takes site builds from Payload's job queue (cms/jobs/buildSite.ts) and runs them,
 * one at a time. `npm start` runs one; `npm run worker` runs more, on this machine or others that
 * reach the same database. Each loop it also reclaims the build of a worker that died, and asks for a
 * build when a notice expires, a meeting ends or a Beijing day begins (the 公开目录's due dates),
 * since those pages depend on the clock.
 */
import type { Payload } from 'payload'

import { beijingDay, endOfBeijingDay, endOfDay } from '../../cms/beijingTime.ts'
import { queueSiteBuild, SITE_QUEUE } from '../../cms/jobs/buildSite.ts'
import { reclaimDeadBuild } from '../../cms/jobs/siteBuildLock.ts'

export type SiteWorkerOptions = { log: (line: string) => void; pollMs?: number }

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0)

export function startSiteWorker(payload: Payload, { log, pollMs = 1000 }: SiteWorkerOptions) {
  let busy = false
  let stopped = false
  let nextBoundary = Number.POSITIVE_INFINITY

  /** The next moment a published notice expires, a meeting ends or a Beijing day begins. */
  async function computeNextBoundary(after: number) {
    const { docs } = await payload.find({
      collection: 'notices',
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { validUntil: true, meeting: true },
    })
    const moments = docs.flatMap((doc) => [
      doc.validUntil ? endOfBeijingDay(doc.validUntil) + 1 : 0,
      time(doc.meeting?.endsAt ?? doc.meeting?.startsAt),
    ])
    // The 公开目录 counts due dates by the Beijing day: a new day may make an item overdue.
    moments.push(endOfDay(beijingDay(after)) + 1)
    nextBoundary = moments.reduce((next, t) => (t > after && t < next ? t : next), Infinity)
  }

  async function tick() {
    if (busy || stopped) return
    busy = true
    try {
      const reclaimed = await reclaimDeadBuild(payload)
      if (reclaimed)
        log(`Site: a worker stopped mid-build; its job ${reclaimed} goes back to the queue.`)
      const now = Date.now()
      if (now >= nextBoundary) {
        nextBoundary = Number.POSITIVE_INFINITY
        await queueSiteBuild(payload, '通知到期、会议结束或新的一天（公开目录）')
      }
      const { jobStatus } = (await payload.jobs.run({ queue: SITE_QUEUE, limit: 1 })) ?? {}
      if (jobStatus && Object.keys(jobStatus).length) await computeNextBoundary(now)
    } finally {
      busy = false
    }
  }

  void computeNextBoundary(Date.now()).catch((error) => log(`Site: ${(error as Error).message}`))
  const timer = setInterval(() => {
    tick().catch((error) => log(`Site: worker error: ${(error as Error).message}`))
  }, pollMs)
  return {
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
