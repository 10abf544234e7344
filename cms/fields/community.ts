import type { RelationshipField } from 'payload'

import { getUserCommunityIds } from '../access/getUserCommunityIds.ts'

/**
 * The community (居委会/居民区) a document belongs to; the key every access rule scopes by. Staff are
 * offered only their own communities in the picker (writes elsewhere are refused by
 * assertCommunityAllowed in any case).
 */
export const communityField = (required = true): RelationshipField => ({
  name: 'community',
  label: '所属居委会',
  type: 'relationship',
  relationTo: 'communities',
  required,
  index: true,
  admin: { position: 'sidebar' },
  filterOptions: async ({ req }) => {
    const ids = await getUserCommunityIds(req)
    return ids === 'all' || !req.user ? true : { id: { in: ids } }
  },
})

/** Optional street and district, for items that name a place but no community. */
export const placeFields = (): RelationshipField[] => [
  {
    name: 'street',
    label: '街道/镇',
    type: 'relationship',
    relationTo: 'streets',
    index: true,
    admin: { position: 'sidebar' },
  },
  {
    name: 'district',
    label: '区',
    type: 'relationship',
    relationTo: 'districts',
    index: true,
    admin: { position: 'sidebar' },
  },
]
