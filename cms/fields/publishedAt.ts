import type { DateField } from 'payload'

/** When the document was (first) published; set automatically on publish, editable by staff. */
export const publishedAtField: DateField = {
  name: 'publishedAt',
  label: '发布时间',
  type: 'date',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
    description: '首次发布时自动填写。',
  },
}
