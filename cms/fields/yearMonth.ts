import type { GroupField } from 'payload'

import { MONTH, numberField, YEAR } from './number.ts'

/** A year with an optional month, for dates the sources print only that precisely. */
export const yearMonthField = (name: string, label: string): GroupField => ({
  name,
  label,
  type: 'group',
  // Content files write it as one value, 2011 or 2011-11.
  custom: { fileFormat: 'yearMonth' },
  fields: [
    {
      type: 'row',
      fields: [
        numberField({ name: 'year', label: '年' }, YEAR),
        numberField({ name: 'month', label: '月' }, MONTH),
      ],
    },
  ],
})
