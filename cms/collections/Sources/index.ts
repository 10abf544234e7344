import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { slugField } from '../../fields/slug.ts'
import { sourceKindOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** Publications the cases are cited from (books, articles, news features). */
export const Sources: CollectionConfig = {
  slug: 'sources',
  labels: { singular: '出处文献', plural: '出处文献' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'published'], group: '基础数据' },
  access: referenceDataAccess,
  hooks: publicContentHooks,
  fields: [
    { name: 'title', label: '题名', type: 'text', required: true },
    slugField('title'),
    { name: 'kind', label: '类型', type: 'select', options: sourceKindOptions, required: true },
    { name: 'editors', label: '编者/作者', type: 'text', hasMany: true },
    { name: 'publisher', label: '出版者', type: 'text' },
    {
      name: 'published',
      label: '出版时间',
      type: 'text',
      admin: { description: '年或年-月，如 2017-01' },
    },
    { name: 'isbn', label: 'ISBN', type: 'text' },
  ],
}
