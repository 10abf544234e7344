import type { RelationshipField } from 'payload'

/** The community (居委会/居民区) a document belongs to; the key every access rule scopes by. */
export const communityField = (required = true): RelationshipField => ({
  name: 'community',
  label: '所属居委会',
  type: 'relationship',
  relationTo: 'communities',
  required,
  index: true,
  admin: { position: 'sidebar' },
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
