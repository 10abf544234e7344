import type { CollectionConfig, FieldAccess } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { isAdmin, isAdminUser } from '../../access/roles.ts'
import { placeFields } from '../../fields/community.ts'
import { numberField } from '../../fields/number.ts'
import { serviceAreaField } from '../../fields/serviceArea.ts'
import { slugField } from '../../fields/slug.ts'
import { yearMonthField } from '../../fields/yearMonth.ts'
import { assertAdminOnlyFields } from '../../hooks/assertAdminOnlyFields.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { assertStreetInDistrict } from '../../hooks/assertStreetInDistrict.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { communityKindOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import { previewUrl } from '../../utilities/previewUrl.ts'

/** Identity fields only an admin sets; shown read-only to other staff. */
const ADMIN_ONLY = ['slug', 'kind', 'street', 'district', 'demo', 'trackedSince']

const adminOnlyField: { update: FieldAccess; create: FieldAccess } = {
  create: ({ req }) => isAdminUser(req.user),
  update: ({ req }) => isAdminUser(req.user),
}

/**
 * Residents' committees / residential areas: every notice, disclosure and project belongs to one.
 * Staff may edit their own community's page; identity fields (slug, place, demo flag) are admin-only.
 */
export const Communities: CollectionConfig = {
  slug: 'communities',
  labels: { singular: '居委会', plural: '居委会' },
  admin: {
    preview: previewUrl('communities'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'street', 'district', 'kind', '_status'],
    listSearchableFields: ['name', 'slug'],
    group: '社区',
  },
  access: { ...communityScopedAccess('id'), create: isAdmin, delete: isAdmin },
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: publicContentHooks({
    beforeOperation: [assertAdminOnlyFields(ADMIN_ONLY)],
    beforeValidate: [assertCommunityAllowed('id')],
    beforeChange: [assertStreetInDistrict, populatePublishedAt],
  }),
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true },
    { ...slugField('name'), access: adminOnlyField },
    {
      name: 'kind',
      label: '类型',
      type: 'select',
      options: communityKindOptions,
      required: true,
      defaultValue: 'residents-committee',
      access: adminOnlyField,
    },
    ...placeFields().map((field) => ({ ...field, access: adminOnlyField })),
    {
      name: 'types',
      label: '社区类型',
      type: 'text',
      hasMany: true,
      admin: { description: '如 商品房小区、老城区、国际化社区、大型居住社区。' },
    },
    {
      name: 'figures',
      label: '基本数据',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            numberField({ name: 'households', label: '户数' }, { min: 0, integer: true }),
            numberField({ name: 'residents', label: '居民人数' }, { min: 0, integer: true }),
            { name: 'areaM2', label: '面积（平方米）', type: 'number', min: 0 },
          ],
        },
        yearMonthField('founded', '居委会成立时间'),
      ],
    },
    { name: 'introduction', label: '简介', type: 'richText' },
    {
      name: 'office',
      label: '办公地点',
      type: 'group',
      fields: [
        { name: 'address', label: '地址', type: 'text' },
        { name: 'dutyHours', label: '值班时间', type: 'text' },
        {
          name: 'phone',
          label: '联系电话',
          type: 'text',
          admin: { description: '印在打印的通知和海报上，如 021-5555-0101。' },
        },
      ],
    },
    serviceAreaField,
    { name: 'cover', label: '封面图片', type: 'upload', relationTo: 'media' },
    {
      name: 'demo',
      label: '示例居委会',
      type: 'checkbox',
      defaultValue: false,
      access: adminOnlyField,
      admin: { position: 'sidebar', description: '示例数据，仅用于演示，不是真实居委会。' },
    },
    {
      name: 'sources',
      label: '资料来源',
      type: 'relationship',
      relationTo: 'sources',
      hasMany: true,
    },
    {
      name: 'trackedSince',
      label: '居务公开目录起算日',
      type: 'date',
      access: adminOnlyField,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
        description:
          '从这一天所在的期间起，按公开目录计算应公开和逾期的事项；不填则不计算（只列出已公开的内容）。',
      },
    },
    publishedAtField,
  ],
}
