import type { CollectionConfig } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { communityField, placeFields } from '../../fields/community.ts'
import { figuresField } from '../../fields/figures.ts'
import { numberField, YEAR } from '../../fields/number.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { bodyField } from '../../fields/richTextBody.ts'
import { slugField } from '../../fields/slug.ts'
import { sourceCitationField } from '../../fields/sourceCitation.ts'
import { yearMonthField } from '../../fields/yearMonth.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import { previewUrl } from '../../utilities/previewUrl.ts'

/** Self-governance brand projects (自治品牌项目): a community's named, lasting initiative. */
export const BrandProjects: CollectionConfig = {
  slug: 'brand-projects',
  labels: { singular: '自治品牌项目', plural: '自治品牌项目' },
  admin: {
    preview: previewUrl('brand-projects'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'community', 'district', '_status'],
    listSearchableFields: ['name', 'slug', 'slogan'],
    group: '内容',
  },
  access: communityScopedAccess(),
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: publicContentHooks({
    beforeValidate: [assertCommunityAllowed()],
    beforeChange: [populatePublishedAt],
  }),
  fields: [
    { name: 'name', label: '项目名称', type: 'text', required: true },
    slugField('name'),
    communityField(false),
    ...placeFields(),
    { name: 'slogan', label: '口号', type: 'text' },
    yearMonthField('founded', '创立时间'),
    {
      name: 'partners',
      label: '合作与指导单位',
      type: 'text',
      admin: { description: '与居委会一起办这个项目、或指导孵化它的单位，多个用顿号隔开。' },
    },
    { name: 'summary', label: '简介', type: 'textarea' },
    bodyField('项目介绍'),
    sourceCitationField(false),
    figuresField,
    {
      name: 'activities',
      label: '主要活动',
      labels: { singular: '活动', plural: '活动' },
      type: 'array',
      fields: [
        { name: 'name', label: '名称', type: 'text', required: true },
        { name: 'description', label: '说明', type: 'textarea' },
      ],
    },
    {
      name: 'honours',
      label: '所获荣誉',
      labels: { singular: '荣誉', plural: '荣誉' },
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'title', label: '荣誉名称', type: 'text', required: true },
            numberField({ name: 'year', label: '年份' }, YEAR),
          ],
        },
      ],
    },
    {
      name: 'relatedCases',
      label: '相关案例',
      type: 'join',
      collection: 'case-studies',
      on: 'brandProject',
    },
    publishedAtField,
  ],
}
