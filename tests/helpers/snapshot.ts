import type { CollectionSlug, Payload } from 'payload'

import { SPECS } from '../../cms/seed/specs.ts'

/** Everything stored in every content collection and the users, to prove a refused write changed nothing. */
export async function databaseSnapshot(payload: Payload) {
  const snapshot: Record<string, unknown> = {}
  for (const collection of [...SPECS.map((spec) => spec.collection), 'users'] as CollectionSlug[]) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'id',
    })
    snapshot[collection] = docs
  }
  return snapshot
}
