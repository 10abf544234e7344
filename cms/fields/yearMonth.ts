import type { GroupField } from 'payload'

/** A year with an optional month, for dates the sources print only that precisely. */
export const yearMonthField = (name: string, label: string): GroupField => ({
  name,
  label,
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'year', label: '年', type: 'number', min: 1949, max: 2100 },
        { name: 'month', label: '月', type: 'number', min: 1, max: 12 },
      ],
    },
  ],
})
