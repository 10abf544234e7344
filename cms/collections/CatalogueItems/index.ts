import type { CollectionConfig, Condition } from 'payload'

import { referenceDataAccess } from '../../access/referenceData.ts'
import { isPeriodic, type Cadence } from '../../catalogue/types.ts'
import { slugField } from '../../fields/slug.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import {
  appliesToOptions,
  cadenceOptions,
  disclosureCategoryOptions,
  dueFromOptions,
} from '../../labels.ts'

const cadenceIs =
  (test: (cadence: Cadence) => boolean): Condition =>
  (data) =>
    Boolean(data?.cadence) && test(data.cadence as Cadence)

/**
 * The 居务公开 catalogue: what committees must publish, how often and by when (the rule is in
 * docs/disclosure-catalogue.md). Public, like the reference data, since residents are told what
 * should be there; maintained by admins only. Defaults come from content/catalogue-items/.
 */
export const CatalogueItems: CollectionConfig = {
  slug: 'catalogue-items',
  labels: { singular: '公开目录事项', plural: '居务公开目录' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'category', 'cadence', 'dueDays', 'appliesTo'],
    group: '基础数据',
    description: '居委会应当按期公开的事项。到期和逾期按这里的频次和期限计算。',
  },
  defaultSort: 'order',
  access: referenceDataAccess,
  hooks: publicContentHooks(),
  fields: [
    { name: 'name', label: '事项名称', type: 'text', required: true },
    slugField('name'),
    {
      name: 'order',
      label: '排序',
      type: 'number',
      required: true,
      defaultValue: 100,
      admin: { position: 'sidebar', description: '数字小的排在前面。' },
    },
    {
      name: 'category',
      label: '对应的居务公开类别',
      type: 'select',
      options: disclosureCategoryOptions,
      required: true,
    },
    { name: 'cadence', label: '公开频次', type: 'select', options: cadenceOptions, required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'dueDays',
          label: '期限（天）',
          type: 'number',
          min: 1,
          max: 366,
          admin: {
            condition: cadenceIs((c) => c !== 'any-time'),
            description:
              '按期公开：期间结束后（或开始起）几天内；会议后：会议当天起几天内。留空用默认值。',
          },
        },
        {
          name: 'dueFrom',
          label: '期限起算',
          type: 'select',
          options: dueFromOptions,
          admin: { condition: cadenceIs(isPeriodic), description: '不填即“期间结束后”。' },
        },
      ],
    },
    {
      name: 'eventKeywords',
      label: '会议通知标题关键词',
      type: 'text',
      hasMany: true,
      admin: {
        condition: cadenceIs((c) => c === 'after-event'),
        description: '标题含其中任一词的会议通知才算（如 居民代表会议）；不填则每次会议都算。',
      },
    },
    {
      name: 'basis',
      label: '依据',
      type: 'textarea',
      required: true,
      admin: {
        description: '这项公开要求出自哪里（法规条文、本市目录或本站约定），会显示在公开目录页上。',
      },
    },
    {
      name: 'appliesTo',
      label: '适用范围',
      type: 'select',
      options: appliesToOptions,
      required: true,
      defaultValue: 'all',
    },
    {
      name: 'communities',
      label: '适用的居委会',
      type: 'relationship',
      relationTo: 'communities',
      hasMany: true,
      admin: { condition: (data) => data?.appliesTo === 'chosen' },
      validate: (value: unknown, { siblingData }: { siblingData: { appliesTo?: string } }) =>
        siblingData?.appliesTo === 'chosen' && !(Array.isArray(value) && value.length > 0)
          ? '适用范围为“指定的居委会”时，请至少选择一个居委会。'
          : true,
    },
  ],
}
