import type { CollectionConfig } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { communityField } from '../../fields/community.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { bodyField } from '../../fields/richTextBody.ts'
import { slugField } from '../../fields/slug.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { directionOptions, disclosureCategoryOptions } from '../../labels.ts'
import { computeTotalsHook } from './hooks/computeTotals.ts'
import { validateAmount } from './validateAmount.ts'

const readOnlyTotal = (name: string, label: string) => ({
  name,
  label,
  type: 'number' as const,
  admin: { readOnly: true },
})

/**
 * Public-affairs disclosures (居务公开): finances, resolutions, minutes, election results.
 * Finance tables list line items; their totals are computed by the server on every save.
 */
export const Disclosures: CollectionConfig = {
  slug: 'disclosures',
  labels: { singular: '居务公开', plural: '居务公开' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'community', 'publishedAt', '_status'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: '内容',
  },
  access: communityScopedAccess(),
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: { beforeChange: [assertCommunityAllowed(), computeTotalsHook, populatePublishedAt] },
  fields: [
    { name: 'title', label: '标题', type: 'text', required: true },
    slugField('title'),
    communityField(),
    {
      name: 'category',
      label: '类别',
      type: 'select',
      options: disclosureCategoryOptions,
      required: true,
      index: true,
    },
    {
      name: 'period',
      label: '所属期间',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', label: '年', type: 'number', required: true, min: 1949, max: 2100 },
            {
              name: 'quarter',
              label: '季度',
              type: 'number',
              min: 1,
              max: 4,
              // A custom validate replaces Payload's min/max check, so the range is checked here too.
              validate: (value: unknown, { siblingData }: { siblingData: { month?: number | null } }) => {
                if (value == null) return true
                if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 4) return '季度必须是 1 到 4。'
                return siblingData?.month != null ? '季度和月份只能填写一个。' : true
              },
            },
            { name: 'month', label: '月', type: 'number', min: 1, max: 12 },
          ],
        },
      ],
    },
    { name: 'summary', label: '摘要', type: 'textarea' },
    bodyField(),
    {
      name: 'lineItems',
      label: '收支明细',
      labels: { singular: '明细', plural: '明细' },
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', label: '项目', type: 'text', required: true },
            {
              name: 'direction',
              label: '收/支',
              type: 'select',
              options: directionOptions,
              required: true,
            },
            { name: 'amount', label: '金额（元）', type: 'number', required: true, validate: validateAmount },
            { name: 'note', label: '备注', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'totals',
      label: '合计（自动计算）',
      type: 'group',
      admin: { description: '保存时按收支明细自动计算，无需填写。' },
      fields: [
        {
          type: 'row',
          fields: [
            readOnlyTotal('income', '收入合计'),
            readOnlyTotal('expense', '支出合计'),
            readOnlyTotal('balance', '结余'),
          ],
        },
      ],
    },
    { name: 'attachments', label: '附件', type: 'upload', relationTo: 'media', hasMany: true },
    {
      name: 'relatedNotice',
      label: '相关通知',
      type: 'relationship',
      relationTo: 'notices',
      filterOptions: ({ data }) => (data?.community ? { community: { equals: data.community } } : true),
    },
    publishedAtField,
  ],
}
