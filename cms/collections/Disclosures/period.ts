import type { GroupField } from 'payload'

import { MONTH, numberField, YEAR } from '../../fields/number.ts'

type Sibling = { half?: number | null; quarter?: number | null; month?: number | null }

/** Only one of half, quarter and month: the coarser field reports a clash with a finer one. */
const noneOf =
  (finer: Array<keyof Sibling>) =>
  (_value: unknown, { siblingData }: { siblingData: unknown }) =>
    finer.some((other) => (siblingData as Sibling)?.[other] != null)
      ? '半年、季度和月份只能填写一个。'
      : true

/** What a disclosure covers: a year, or a half-year, quarter or month of it. */
export const periodField: GroupField = {
  name: 'period',
  label: '所属期间',
  type: 'group',
  admin: { description: '填年份，再按需要填半年（1 上半年、2 下半年）、季度或月份中的一个。' },
  fields: [
    {
      type: 'row',
      fields: [
        numberField({ name: 'year', label: '年', required: true }, YEAR),
        numberField(
          { name: 'half', label: '半年', also: noneOf(['quarter', 'month']) },
          { min: 1, max: 2, integer: true },
        ),
        numberField(
          { name: 'quarter', label: '季度', also: noneOf(['month']) },
          { min: 1, max: 4, integer: true },
        ),
        numberField({ name: 'month', label: '月' }, MONTH),
      ],
    },
  ],
}
