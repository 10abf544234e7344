import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { taxonomyTermFields } from '../../fields/taxonomyTerm.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** How residents govern themselves (听证会, 议事会, 自治金 …): a facet of the case library. */
export const Mechanisms: CollectionConfig = {
  slug: 'mechanisms',
  labels: { singular: '自治机制', plural: '自治机制' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: '分类' },
  access: referenceDataAccess,
  hooks: publicContentHooks(),
  fields: taxonomyTermFields,
}
