import type { CollectionConfig } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { communityField, placeFields } from '../../fields/community.ts'
import { figuresField } from '../../fields/figures.ts'
import { numberField, YEAR } from '../../fields/number.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { slugField } from '../../fields/slug.ts'
import { sourceCitationField } from '../../fields/sourceCitation.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { CASE_SECTION_LABELS, genreOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import { previewUrl } from '../../utilities/previewUrl.ts'

/**
 * Case studies (案例) from the published collections: the best-practice library across communities.
 * Many are catalogue records (title and citation only); those with full text in the sources carry a
 * summary and up to five sections. Cases naming no community are maintained by admins.
 */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  labels: { singular: '案例', plural: '案例' },
  admin: {
    preview: previewUrl('case-studies'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'genre', 'community', 'district', '_status'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: '内容',
  },
  access: communityScopedAccess(),
  versions: { drafts: true, maxPerDoc: 50 },
  hooks: publicContentHooks({
    beforeValidate: [assertCommunityAllowed()],
    beforeChange: [populatePublishedAt],
  }),
  fields: [
    { name: 'title', label: '标题', type: 'text', required: true },
    slugField('title'),
    {
      name: 'genre',
      label: '体裁',
      type: 'select',
      options: genreOptions,
      required: true,
      index: true,
    },
    communityField(false),
    ...placeFields(),
    {
      name: 'problemCategories',
      label: '问题类别',
      type: 'relationship',
      relationTo: 'problem-categories',
      hasMany: true,
    },
    {
      name: 'mechanisms',
      label: '自治机制',
      type: 'relationship',
      relationTo: 'mechanisms',
      hasMany: true,
    },
    numberField({ name: 'year', label: '年份', admin: { position: 'sidebar' } }, YEAR),
    { name: 'summary', label: '摘要', type: 'textarea' },
    {
      name: 'sections',
      label: '正文',
      type: 'group',
      fields: Object.entries(CASE_SECTION_LABELS).map(([name, label]) => ({
        name,
        label,
        type: 'richText' as const,
      })),
    },
    sourceCitationField(true),
    {
      name: 'brandProject',
      label: '相关品牌项目',
      type: 'relationship',
      relationTo: 'brand-projects',
      index: true,
    },
    { name: 'commentator', label: '点评人', type: 'text' },
    figuresField,
    publishedAtField,
  ],
}
