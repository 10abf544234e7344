import type { CollectionConfig } from 'payload'

import { anyone, isAdmin } from './roles.ts'

/** Places, taxonomies and sources: public reference data without drafts, maintained by admins. */
export const referenceDataAccess: NonNullable<CollectionConfig['access']> = {
  read: anyone,
  create: isAdmin,
  update: isAdmin,
  delete: isAdmin,
}
