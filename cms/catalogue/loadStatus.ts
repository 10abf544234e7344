/**
 * The catalogue status of communities, read from the CMS as an anonymous visitor: only published
 * disclosures and meeting notices count, exactly what the public site is built from, so the staff
 * dashboard and the reminder e-mails give the numbers the public 公开目录 page shows.
 */
import type { Payload, Where } from 'payload'

import { idOf } from '../utilities/idOf.ts'
import { effectiveCatalogueItem } from './deriveItem.ts'
import { catalogueItemOf, disclosureFactOf, meetingFactOf } from './facts.ts'
import { communityStatus, type CommunityStatus } from './status.ts'
import type { MeetingFact } from './types.ts'

export type CommunityCatalogue = CommunityStatus & {
  name: string
  slug: string
  street: string | null
}

const publicRead = { overrideAccess: false, depth: 0, pagination: false } as const

export async function loadCatalogueStatus(
  payload: Payload,
  { communities, now }: { communities: 'all' | string[]; now: number },
): Promise<CommunityCatalogue[]> {
  if (communities !== 'all' && communities.length === 0) return []
  const inScope: Where = communities === 'all' ? {} : { community: { in: communities } }
  const [items, places, disclosures, notices] = await Promise.all([
    payload.find({ collection: 'catalogue-items', sort: 'order', ...publicRead }),
    payload.find({
      collection: 'communities',
      where: communities === 'all' ? {} : { id: { in: communities } },
      select: { name: true, slug: true, street: true, trackedSince: true },
      sort: 'name',
      ...publicRead,
    }),
    payload.find({
      collection: 'disclosures',
      where: inScope,
      select: {
        title: true,
        category: true,
        period: true,
        publishedAt: true,
        createdAt: true,
        catalogueItem: true,
        relatedNotice: true,
        community: true,
      },
      ...publicRead,
    }),
    payload.find({
      collection: 'notices',
      where: { and: [inScope, { kind: { equals: 'meeting' } }] },
      select: { title: true, kind: true, meeting: true, community: true },
      ...publicRead,
    }),
  ])
  const catalogue = items.docs.map((doc) => catalogueItemOf(doc as never))
  const byCommunity = <T>(docs: Array<{ community?: unknown }>, fact: (doc: never) => T | null) => {
    const map = new Map<string, T[]>()
    for (const doc of docs) {
      const community = idOf(doc.community as never)
      const value = fact(doc as never)
      if (community && value) map.set(community, [...(map.get(community) ?? []), value])
    }
    return map
  }
  const disclosuresOf = byCommunity(disclosures.docs, (doc) => {
    const fact = disclosureFactOf(doc)
    const community = idOf((doc as { community: never }).community)!
    return {
      ...fact,
      catalogueItem: effectiveCatalogueItem({ ...fact, community }, catalogue),
    }
  })
  const meetingsOf = byCommunity<MeetingFact>(notices.docs, meetingFactOf)
  return places.docs.map((doc) => {
    const place = doc as unknown as {
      id: string | number
      name: string
      slug: string
      street?: unknown
      trackedSince?: string | null
    }
    const id = String(place.id)
    return {
      ...communityStatus(catalogue, {
        community: id,
        trackedSince: place.trackedSince ?? null,
        disclosures: disclosuresOf.get(id) ?? [],
        meetings: meetingsOf.get(id) ?? [],
        now,
      }),
      name: place.name,
      slug: place.slug,
      street: idOf(place.street as never),
    }
  })
}
