import type { CollectionConfig } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { communityField } from '../../fields/community.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { bodyField } from '../../fields/richTextBody.ts'
import { slugField } from '../../fields/slug.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { disclosureCategoryOptions } from '../../labels.ts'
import { computeTotalsHook } from './hooks/computeTotals.ts'
import { lineItemImportEndpoints } from './import/endpoints.ts'
import { lineItemsField } from './lineItems.ts'
import { periodField } from './period.ts'
import { assignCatalogueItem, catalogueItemField } from './catalogueItem.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import { checkPersonalData } from '../../hooks/checkPersonalData.ts'
import { personalDataFields } from '../../fields/personalData.ts'
import { holdForApproval, recordApproval } from './hooks/holdForApproval.ts'
import { recordCorrection } from './hooks/recordCorrection.ts'
import { previewUrl } from '../../utilities/previewUrl.ts'
import { notInFiles } from '../../fields/notInFiles.ts'

const readOnlyTotal = (name: string, label: string) => ({
  name,
  label,
  type: 'number' as const,
  admin: { readOnly: true },
})

/** The address of each community's 公开目录 page beside its disclosures (site/lib/routes.ts). */
const CATALOGUE_PAGE = 'mulu'

/**
 * Public-affairs disclosures (居务公开): finances, resolutions, minutes, election results.
 * Finance tables list line items; their totals are computed by the server on every save.
 */
export const Disclosures: CollectionConfig = {
  slug: 'disclosures',
  labels: { singular: '居务公开', plural: '居务公开' },
  admin: {
    preview: previewUrl('disclosures'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'community', 'publishedAt', '_status'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: '内容',
  },
  access: communityScopedAccess(),
  endpoints: lineItemImportEndpoints,
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  hooks: publicContentHooks({
    beforeValidate: [assertCommunityAllowed()],
    beforeOperation: [holdForApproval],
    beforeChange: [
      computeTotalsHook,
      assignCatalogueItem,
      checkPersonalData(['title', 'summary', 'body', 'lineItems'], { block: true }),
      recordCorrection,
      recordApproval,
      populatePublishedAt,
    ],
  }),
  fields: [
    { name: 'title', label: '标题', type: 'text', required: true },
    slugField('title', { reserved: [CATALOGUE_PAGE] }),
    communityField(),
    {
      name: 'category',
      label: '类别',
      type: 'select',
      options: disclosureCategoryOptions,
      required: true,
      index: true,
    },
    periodField,
    catalogueItemField,
    publishedAtField,
    { name: 'summary', label: '摘要', type: 'textarea' },
    bodyField(),
    {
      name: 'lineItemImport',
      type: 'ui',
      admin: {
        components: { Field: '/admin/components/LineItemImport.tsx#LineItemImport' },
        condition: (data) => data?.category === 'finance',
      },
    },
    lineItemsField,
    notInFiles({
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
    }),
    { name: 'attachments', label: '附件', type: 'upload', relationTo: 'media', hasMany: true },
    {
      name: 'relatedNotice',
      label: '相关通知',
      type: 'relationship',
      relationTo: 'notices',
      filterOptions: ({ data }) =>
        data?.community ? { community: { equals: data.community } } : true,
    },
    notInFiles({
      name: 'review',
      label: '审核',
      type: 'group',
      admin: {
        position: 'sidebar',
        description: '居委会编辑点“发布”后，居务公开会先提交审核，由街道督导员或管理员发布。',
      },
      fields: [
        {
          name: 'state',
          label: '审核状态',
          type: 'select',
          options: [
            { value: 'submitted', label: '待审核' },
            { value: 'approved', label: '已审核发布' },
          ],
          admin: { readOnly: true },
        },
        {
          name: 'submittedBy',
          label: '提交人',
          type: 'relationship',
          relationTo: 'users',
          admin: { readOnly: true },
        },
        { name: 'submittedAt', label: '提交时间', type: 'date', admin: { readOnly: true } },
        {
          name: 'approvedBy',
          label: '审核人',
          type: 'relationship',
          relationTo: 'users',
          admin: { readOnly: true },
        },
        { name: 'approvedAt', label: '审核时间', type: 'date', admin: { readOnly: true } },
      ],
    }),
    notInFiles({
      name: 'changeNote',
      label: '更正说明',
      type: 'textarea',
      admin: {
        position: 'sidebar',
        description: '修改已发布的内容时必填，发布后显示在公开页面的“更正记录”中。',
      },
    }),
    {
      name: 'corrections',
      label: '更正记录',
      labels: { singular: '更正', plural: '更正记录' },
      type: 'array',
      admin: { readOnly: true, description: '发布修改时自动记录，不能手工编辑。' },
      fields: [
        { name: 'date', label: '日期', type: 'date', required: true },
        { name: 'note', label: '说明', type: 'textarea', required: true },
      ],
    },
    ...personalDataFields({ withConfirmation: true }),
  ],
}
