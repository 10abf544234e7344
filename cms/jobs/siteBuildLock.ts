/**
 * One site build at a time, however many workers (processes or machines) take build jobs. Payload's
 * queue does not claim a job atomically across processes, so the build itself takes a lock kept in
 * the database (the site-build global): set inside a transaction, which SQLite serialises between
 * processes (BEGIN IMMEDIATE) and a MongoDB replica set makes conflict. The lock is a lease the
 * building worker renews; a worker that dies stops renewing, and once its lease has run out another
 * worker clears the lock and hands the dead worker's job back to the queue, where it is run again.
 */
import { hostname } from 'node:os'

import type { Payload } from 'payload'

/** How long a lease lasts without renewal (renewed every third of it while a build runs). */
export const LEASE_MS = Number(process.env.SITE_BUILD_LEASE_MS || 60_000)

/** This process, as the lock names it. */
export const workerName = () => `${hostname()}:${process.pid}`

type LockState = { lockedBy?: string | null; leaseUntil?: string | null; lockedJob?: string | null }

const iso = (ms: number) => new Date(ms).toISOString()
const expired = (state: LockState, now: number) =>
  !state.leaseUntil || Date.parse(state.leaseUntil) <= now

/** Runs `change` on the lock state inside one transaction; `change` returns the update, or null. */
async function inTransaction(
  payload: Payload,
  change: (state: LockState, now: number) => Record<string, unknown> | null,
): Promise<boolean> {
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req = { transactionID }
  try {
    const state = (await payload.findGlobal({
      slug: 'site-build',
      overrideAccess: true,
      req,
    })) as LockState
    const update = change(state, Date.now())
    if (update)
      await payload.updateGlobal({ slug: 'site-build', data: update, overrideAccess: true, req })
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return update !== null
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

/** Takes the lock for `job` if it is free (or its holder's lease has run out). */
export const acquireBuildLock = (payload: Payload, job: string) =>
  inTransaction(payload, (state, now) =>
    state.lockedBy && state.lockedBy !== workerName() && !expired(state, now)
      ? null
      : { lockedBy: workerName(), leaseUntil: iso(now + LEASE_MS), lockedJob: job },
  )

/** Extends this worker's lease; false if the lock is no longer its own. */
export const renewBuildLock = (payload: Payload) =>
  inTransaction(payload, (state, now) =>
    state.lockedBy === workerName() ? { leaseUntil: iso(now + LEASE_MS) } : null,
  )

export const releaseBuildLock = (payload: Payload) =>
  inTransaction(payload, (state) =>
    state.lockedBy === workerName() ? { lockedBy: null, leaseUntil: null, lockedJob: null } : null,
  )

/**
 * Clears a lock whose holder stopped renewing it, and puts that holder's job back in the queue.
 * Returns the job handed back, if any.
 */
export async function reclaimDeadBuild(payload: Payload): Promise<string | null> {
  let job: string | null = null
  await inTransaction(payload, (state, now) => {
    if (!state.lockedBy || !expired(state, now)) return null
    job = state.lockedJob ?? null
    return { lockedBy: null, leaseUntil: null, lockedJob: null, state: 'queued' }
  })
  if (job) {
    await payload.db.updateJobs({ id: job, data: { processing: false }, returning: false })
  }
  return job
}
