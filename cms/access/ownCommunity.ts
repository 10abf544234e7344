import type { Access } from 'payload'

import { getUserCommunityIds } from './getUserCommunityIds.ts'

/**
 * Write rule (create/update/delete) of community-owned collections: admins everywhere, other staff
 * only on documents of their communities. Which community a new or changed document may name is
 * checked by the `assertCommunityAllowed` hook, because create access cannot see the final data.
 */
export const ownCommunity =
  (field = 'community'): Access =>
  async ({ req }) => {
    if (!req.user) return false
    const ids = await getUserCommunityIds(req)
    if (ids === 'all') return true
    if (ids.length === 0) return false
    return { [field]: { in: ids } }
  }
