import type { CollectionConfig } from 'payload'

import { communityScopedAccess } from '../../access/communityScoped.ts'
import { communityField } from '../../fields/community.ts'
import { publishedAtField } from '../../fields/publishedAt.ts'
import { bodyField } from '../../fields/richTextBody.ts'
import { slugField } from '../../fields/slug.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { populatePublishedAt } from '../../hooks/populatePublishedAt.ts'
import { noticeKindOptions } from '../../labels.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'
import { checkPersonalData } from '../../hooks/checkPersonalData.ts'
import { personalDataFields } from '../../fields/personalData.ts'
import { previewUrl } from '../../utilities/previewUrl.ts'

type NoticeData = { kind?: string; meeting?: { startsAt?: string | null; place?: string | null } }

const isMeeting = (data: NoticeData | undefined) => data?.kind === 'meeting'

// Custom validators replace Payload's own date check, so invalid dates are caught here too.
const invalidDate = (value: unknown) => value != null && Number.isNaN(Date.parse(String(value)))

const dateTime = {
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' },
}

/** Committee notices (通知公告). Meeting notices carry a start/end time and a place. */
export const Notices: CollectionConfig = {
  slug: 'notices',
  labels: { singular: '通知公告', plural: '通知公告' },
  admin: {
    preview: previewUrl('notices'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'community', 'publishedAt', '_status'],
    listSearchableFields: ['title', 'slug', 'summary'],
    group: '内容',
  },
  access: communityScopedAccess(),
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  hooks: publicContentHooks({
    beforeValidate: [assertCommunityAllowed()],
    beforeChange: [
      checkPersonalData(['title', 'summary', 'meeting', 'body'], { block: false }),
      populatePublishedAt,
    ],
  }),
  fields: [
    { name: 'title', label: '标题', type: 'text', required: true },
    slugField('title'),
    communityField(),
    {
      name: 'kind',
      label: '类别',
      type: 'select',
      options: noticeKindOptions,
      required: true,
      index: true,
    },
    publishedAtField,
    { name: 'summary', label: '摘要', type: 'textarea' },
    {
      name: 'meeting',
      label: '会议安排',
      type: 'group',
      admin: { condition: (data) => isMeeting(data as NoticeData) },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'startsAt',
              label: '开始时间',
              type: 'date',
              index: true,
              admin: dateTime,
              validate: (value: unknown, { data }: { data: unknown }) => {
                if (invalidDate(value)) return '开始时间不是有效的日期时间。'
                return !isMeeting(data as NoticeData) || value ? true : '会议通知必须填写开始时间。'
              },
            },
            {
              name: 'endsAt',
              label: '结束时间',
              type: 'date',
              admin: dateTime,
              validate: (
                value: unknown,
                { siblingData }: { siblingData: { startsAt?: string } },
              ) => {
                if (invalidDate(value)) return '结束时间不是有效的日期时间。'
                return !value ||
                  !siblingData?.startsAt ||
                  Date.parse(String(value)) > Date.parse(siblingData.startsAt)
                  ? true
                  : '结束时间必须晚于开始时间。'
              },
            },
          ],
        },
        {
          name: 'place',
          label: '地点',
          type: 'text',
          validate: (value: unknown, { data }: { data: unknown }) =>
            !isMeeting(data as NoticeData) || (typeof value === 'string' && value.trim())
              ? true
              : '会议通知必须填写地点。',
        },
      ],
    },
    bodyField(),
    {
      name: 'validUntil',
      label: '有效期至',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
        description: '过了这一天，通知不再显示在“当前通知”中，但仍保留在归档里。',
      },
    },
    {
      name: 'pinned',
      label: '置顶',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    {
      name: 'attachments',
      label: '附件',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
    },
    ...personalDataFields({ withConfirmation: false }),
  ],
}
