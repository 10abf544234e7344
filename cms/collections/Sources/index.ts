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
  hooks: publicContentHooks(),
  fields: [
    { name: 'title', label: '题名', type: 'text', required: true },
    slugField('title'),
    { name: 'kind', label: '类型', type: 'select', options: sourceKindOptions, required: true },
    { name: 'editors', label: '编者/作者', type: 'text', hasMany: true },
    { name: 'place', label: '出版地', type: 'text', admin: { description: '如 上海（图书）' } },
    { name: 'publisher', label: '出版者', type: 'text' },
    {
      name: 'published',
      label: '出版时间',
      type: 'text',
      admin: { description: '按原文所印：年、年-月或年-月-日，如 2017-01' },
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        value === '' ||
        (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
          ? true
          : '出版时间应写成 2017、2017-01 或 2017-01-15。',
    },
    {
      name: 'container',
      label: '刊名/报纸名',
      type: 'text',
      admin: { description: '期刊文章和新闻报道所载的刊物或报纸' },
    },
    {
      type: 'row',
      fields: [
        { name: 'issue', label: '期号/版次', type: 'text' },
        { name: 'pages', label: '页码范围', type: 'text', admin: { description: '如 97-107' } },
      ],
    },
    { name: 'isbn', label: 'ISBN', type: 'text' },
  ],
}
