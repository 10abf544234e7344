import type { Access, Where } from 'payload'

import { getUserCommunityIds } from './getUserCommunityIds.ts'

const published: Where = { _status: { equals: 'published' } }

/**
 * Read rule of every drafted, community-owned collection. The public sees published documents only
 * (a query, so drafts are filtered in the database); staff also see their own communities' drafts.
 * `field` is the path of the community reference ('id' for the communities collection itself).
 */
export const publishedOrOwnCommunity =
  (field = 'community'): Access =>
  async ({ req }) => {
    if (!req.user) return published
    const ids = await getUserCommunityIds(req)
    if (ids === 'all') return true
    return { or: [published, { [field]: { in: ids } }] }
  }
