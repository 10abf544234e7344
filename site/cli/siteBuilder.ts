import type { Payload } from 'payload'

import { endOfBeijingDay } from '../../cms/beijingTime.ts'
import { runSiteBuild } from './runSiteBuild.ts'

type Status = {
  state?: string
  requestedAt?: string | null
  startedAt?: string | null
  failures?: number | null
}

export type SiteBuilderOptions = {
  log: (line: string) => void
  /** Quiet time after the last request before building, so a burst of edits builds once. */
  debounceMs?: number
  /** …but a steady stream of edits must not hold the site back longer than this. */
  maxWaitMs?: number
  pollMs?: number
  /** Give up retrying a failing build after this many attempts (until the next request). */
  maxFailures?: number
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0)

/**
 * Keeps the public site in step with the CMS while `npm start` runs. The CMS records rebuild
 * requests in the `site-build` global; this loop builds (one build at a time, debounced), reports
 * the outcome back there for the admin to show, retries failures with growing pauses, and also
 * rebuilds when a notice expires or a meeting ends, since "current" lists depend on the clock.
 */
export function startSiteBuilder(payload: Payload, options: SiteBuilderOptions) {
  const { log, debounceMs = 1500, maxWaitMs = 5000, pollMs = 1000, maxFailures = 5 } = options
  let building = false
  let nextBoundary = Number.POSITIVE_INFINITY
  let retryAt = 0
  /** When this loop first saw the requests that are still waiting for a build. */
  let pendingSince = Number.POSITIVE_INFINITY

  const status = async () =>
    (await payload.findGlobal({ slug: 'site-build', overrideAccess: true })) as Status
  const report = (data: Record<string, unknown>) =>
    payload.updateGlobal({ slug: 'site-build', data: data as never, overrideAccess: true })

  async function computeNextBoundary(after: number) {
    const { docs } = await payload.find({
      collection: 'notices',
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { validUntil: true, meeting: true },
    })
    const moments = docs.flatMap((doc) => {
      const d = doc as {
        validUntil?: string | null
        meeting?: { startsAt?: string | null; endsAt?: string | null }
      }
      return [
        d.validUntil ? endOfBeijingDay(d.validUntil) + 1 : 0,
        time(d.meeting?.endsAt ?? d.meeting?.startsAt),
      ]
    })
    nextBoundary = Math.min(Number.POSITIVE_INFINITY, ...moments.filter((t) => t > after))
  }

  async function tick() {
    if (building) return
    const now = Date.now()
    if (now >= nextBoundary) {
      nextBoundary = Number.POSITIVE_INFINITY
      await report({
        requestedAt: new Date(now).toISOString(),
        reason: '通知到期或会议结束',
        state: 'queued',
      })
    }
    const current = await status()
    const requested = time(current.requestedAt)
    const pending = requested > time(current.startedAt)
    const retry =
      current.state === 'failed' && (current.failures ?? 0) < maxFailures && now >= retryAt
    if (!pending) pendingSince = Number.POSITIVE_INFINITY
    else pendingSince = Math.min(pendingSince, now)
    if (!(pending || retry)) return
    if (now - requested < debounceMs && now - pendingSince < maxWaitMs) return
    pendingSince = Number.POSITIVE_INFINITY

    building = true
    const startedAt = new Date()
    await report({ state: 'building', startedAt: startedAt.toISOString() })
    log(`Site: rebuilding (${pending ? 'content changed' : 'retry'}) …`)
    const { ok, output } = await runSiteBuild()
    const finishedAt = new Date()
    const durationMs = finishedAt.getTime() - startedAt.getTime()
    if (ok) {
      // The build itself recorded the digest of what it built (cli/build.ts).
      await report({
        state: 'idle',
        finishedAt: finishedAt.toISOString(),
        succeededAt: finishedAt.toISOString(),
        durationMs,
        failures: 0,
        error: null,
      })
      log(`Site: rebuilt in ${(durationMs / 1000).toFixed(1)}s.`)
      await computeNextBoundary(startedAt.getTime())
    } else {
      const failures = (current.state === 'failed' ? (current.failures ?? 0) : 0) + 1
      retryAt = Date.now() + Math.min(5_000 * 2 ** failures, 300_000)
      await report({
        state: 'failed',
        finishedAt: finishedAt.toISOString(),
        durationMs,
        failures,
        error: output.trim().slice(-2000),
      })
      log(
        `Site: build failed (attempt ${failures}); ${failures < maxFailures ? 'will retry' : 'giving up until the next change'}.\n${output.trim().split('\n').slice(-5).join('\n')}`,
      )
    }
    building = false
  }

  void computeNextBoundary(Date.now())
  const timer = setInterval(() => {
    tick().catch((error) => {
      building = false
      log(`Site: builder error: ${(error as Error).message}`)
    })
  }, pollMs)
  return { stop: () => clearInterval(timer) }
}
