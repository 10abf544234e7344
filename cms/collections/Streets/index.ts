import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { slugField } from '../../fields/slug.ts'
import { basisOptions, streetKindOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** Streets (街道), towns (镇) and zones: the level between district and community. */
export const Streets: CollectionConfig = {
  slug: 'streets',
  labels: { singular: '街道/镇', plural: '街道/镇' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'district'], group: '基础数据' },
  access: referenceDataAccess,
  hooks: publicContentHooks(),
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true },
    slugField('name'),
    { name: 'kind', label: '类型', type: 'select', options: streetKindOptions, required: true },
    {
      name: 'district',
      label: '所属区',
      type: 'relationship',
      relationTo: 'districts',
      required: true,
      index: true,
    },
    {
      name: 'districtBasis',
      label: '所属区依据',
      type: 'select',
      options: basisOptions,
      defaultValue: 'stated',
      admin: { description: '资料未写明所属区、根据地理推断时选“据地理推断”。' },
    },
  ],
}
