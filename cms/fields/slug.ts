import type { TextField } from 'payload'

import { formatSlug } from '../hooks/formatSlug.ts'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * URL slug: unique, indexed, lowercase pinyin/ASCII; generated from `fromField` when left empty.
 * `reserved` slugs are addresses the site uses for other pages beside these documents.
 */
export const slugField = (
  fromField = 'title',
  { reserved = [] }: { reserved?: string[] } = {},
): TextField => ({
  name: 'slug',
  label: '网址别名',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: '用于网址的拼音或英文，小写字母、数字和连字符。留空时按标题自动生成拼音。',
  },
  hooks: { beforeValidate: [formatSlug(fromField)] },
  // Empty is fine in the form: the server fills it from the title before validating (formatSlug),
  // so by the time this runs there it is never empty.
  validate: (value: unknown) =>
    typeof value === 'string' && reserved.includes(value)
      ? `“${value}”已被网站的其他页面使用，请换一个网址别名。`
      : value === undefined ||
          value === null ||
          value === '' ||
          (typeof value === 'string' && SLUG_PATTERN.test(value))
        ? true
        : '网址别名只能包含小写字母、数字和连字符（如 lijiang-shanshui）。',
})
