import type { GroupField } from 'payload'

import { numberUnitOptions, parityOptions } from '../labels.ts'
import { numberField, type NumberRule } from './number.ts'

/** House and lane numbers: whole, from 1. */
const HOUSE_NUMBER: NumberRule = { min: 1, integer: true }

type Range = { from?: number | null; to?: number | null; parity?: string }

const hasNumber = (n: unknown) => typeof n === 'number' && Number.isFinite(n)

/**
 * A range is both numbers or neither (the whole road), from ≤ to, and on one side of the road
 * both ends have that side's parity: 100–188 for even numbers, never 100–189.
 */
export function validateRange(range: Range): true | string {
  const { from, to, parity } = range
  if (hasNumber(from) !== hasNumber(to)) return '起始号和终止号要么都填，要么都不填（整条路）。'
  if (!hasNumber(from) || !hasNumber(to)) return true
  if (from! > to!) return '起始号不能大于终止号。'
  if (parity === 'odd' && (from! % 2 === 0 || to! % 2 === 0))
    return '只有单号时，起止号都应为单数。'
  if (parity === 'even' && (from! % 2 === 1 || to! % 2 === 1))
    return '只有双号时，起止号都应为双数。'
  return true
}

/**
 * A committee's service area (辖区): the estates it covers, with their other and former names, and
 * the roads whose numbers it covers. Residents find their committee by it (the 找我的居委会 box). Only
 * what staff know for certain belongs here; an estate or road left out is simply not found.
 */
export const serviceAreaField: GroupField = {
  name: 'serviceArea',
  label: '辖区',
  type: 'group',
  admin: {
    description:
      '居民在首页“找我的居委会”中输入小区名称或道路门牌时，靠这里的内容找到本居委会。只填写确知的小区和门牌范围。',
  },
  fields: [
    {
      name: 'estates',
      label: '小区',
      type: 'array',
      labels: { singular: '小区', plural: '小区' },
      fields: [
        { name: 'name', label: '小区名称', type: 'text', required: true },
        {
          type: 'row',
          fields: [
            {
              name: 'aliases',
              label: '别名',
              type: 'text',
              hasMany: true,
              admin: { description: '居民常用的其他叫法，如楼盘名、简称。' },
            },
            {
              name: 'formerNames',
              label: '曾用名',
              type: 'text',
              hasMany: true,
              admin: { description: '小区改名前的名称。' },
            },
          ],
        },
      ],
    },
    {
      name: 'roads',
      label: '道路门牌',
      type: 'array',
      labels: { singular: '门牌范围', plural: '门牌范围' },
      admin: {
        description:
          '例如“示例路 100–188 弄，双号”。一条路的单号和双号属于不同居委会时，分两行填写；不填起止号表示整条路。',
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'road', label: '道路', type: 'text', required: true },
            // A field's check runs only when it has a value: each end says when the other is
            // missing; the range itself is checked where it ends.
            numberField(
              {
                name: 'from',
                label: '起始号',
                also: (_, { siblingData }) =>
                  hasNumber((siblingData as Range)?.to) || validateRange(siblingData as Range),
              },
              HOUSE_NUMBER,
            ),
            numberField(
              {
                name: 'to',
                label: '终止号',
                also: (_, { siblingData }) => validateRange((siblingData ?? {}) as Range),
              },
              HOUSE_NUMBER,
            ),
            {
              name: 'parity',
              label: '单双号',
              type: 'select',
              options: parityOptions,
              defaultValue: 'all',
              required: true,
            },
            {
              name: 'unit',
              label: '号/弄',
              type: 'select',
              options: numberUnitOptions,
              defaultValue: 'number',
              required: true,
            },
          ],
        },
      ],
    },
  ],
}
