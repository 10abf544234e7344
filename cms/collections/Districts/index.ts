import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { slugField } from '../../fields/slug.ts'
import { cityOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** Districts (区) and county-level cities: the top of the place tree. */
export const Districts: CollectionConfig = {
  slug: 'districts',
  labels: { singular: '区', plural: '区' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'city'], group: '基础数据' },
  access: referenceDataAccess,
  hooks: publicContentHooks(),
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true },
    slugField('name'),
    { name: 'city', label: '城市', type: 'select', options: cityOptions, required: true },
  ],
}
