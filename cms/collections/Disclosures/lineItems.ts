import type { ArrayField, Field } from 'payload'

import { AMOUNT } from '../../fields/number.ts'
import { directionOptions } from '../../labels.ts'
import { validateAmount } from './validateAmount.ts'

/**
 * The finance table's columns. Defined apart from the collection so the spreadsheet import and its
 * template read the same names, labels and rules the admin form uses.
 */
export const lineItemColumns = [
  { name: 'item', label: '项目', type: 'text', required: true },
  { name: 'direction', label: '收/支', type: 'select', options: directionOptions, required: true },
  {
    name: 'amount',
    label: '金额（元）',
    type: 'number',
    required: true,
    custom: { rule: AMOUNT },
    validate: validateAmount,
  },
  { name: 'note', label: '备注', type: 'text' },
] as const satisfies Field[]

export const lineItemsField: ArrayField = {
  name: 'lineItems',
  label: '收支明细',
  labels: { singular: '明细', plural: '明细' },
  type: 'array',
  fields: [{ type: 'row', fields: [...lineItemColumns] as Field[] }],
}
