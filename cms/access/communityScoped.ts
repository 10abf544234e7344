import type { Access, CollectionConfig } from 'payload'

import { getUserCommunityIds } from './getUserCommunityIds.ts'
import { ownCommunity } from './ownCommunity.ts'
import { publishedOrOwnCommunity } from './publishedOrOwnCommunity.ts'

/** Versions (history and drafts) are staff-only and scoped like the documents they belong to. */
const ownCommunityVersions =
  (field: string): Access =>
  async ({ req }) => {
    if (!req.user) return false
    const ids = await getUserCommunityIds(req)
    if (ids === 'all') return true
    return { [field === 'id' ? 'parent' : `version.${field}`]: { in: ids } }
  }

/** The access block of every community-owned, drafted collection. */
export const communityScopedAccess = (
  field = 'community',
): NonNullable<CollectionConfig['access']> => ({
  read: publishedOrOwnCommunity(field),
  readVersions: ownCommunityVersions(field),
  create: ownCommunity(field),
  update: ownCommunity(field),
  delete: ownCommunity(field),
})
