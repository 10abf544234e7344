import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { taxonomyTermFields } from '../../fields/taxonomyTerm.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** What a case is about (物业管理, 群租整治 …): a facet of the case library. */
export const ProblemCategories: CollectionConfig = {
  slug: 'problem-categories',
  labels: { singular: '问题类别', plural: '问题类别' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: '分类' },
  access: referenceDataAccess,
  hooks: publicContentHooks(),
  fields: taxonomyTermFields,
}
