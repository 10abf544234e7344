/**
 * Rules for numbers, each written once and checked by one function (`numberProblem`): by the admin
 * and the API through the field's validate, and by the seed for content files, which words the
 * same problem for the file's author.
 */
import type { NumberField } from 'payload'
import { number as payloadNumber } from 'payload/shared'

export type NumberRule = { min?: number; max?: number; integer?: boolean; decimals?: number }

/** Years content can be about: 1949 to a far horizon. Anything outside is a typing error. */
export const YEAR: NumberRule = { min: 1949, max: 2100, integer: true }

export const MONTH: NumberRule = { min: 1, max: 12, integer: true }

/** Money in yuan, to the fen, up to ¥10 billion on one line (anything above is a typing error). */
export const AMOUNT: NumberRule = { min: 0, max: 10_000_000_000, decimals: 2 }

export type NumberProblem =
  | { kind: 'notANumber' }
  | { kind: 'notWhole' }
  | { kind: 'belowMin'; limit: number }
  | { kind: 'aboveMax'; limit: number }
  | { kind: 'tooManyDecimals'; limit: number }

export function numberProblem(value: unknown, rule: NumberRule): NumberProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'notANumber' }
  if (rule.integer && !Number.isInteger(value)) return { kind: 'notWhole' }
  if (rule.min !== undefined && value < rule.min) return { kind: 'belowMin', limit: rule.min }
  if (rule.max !== undefined && value > rule.max) return { kind: 'aboveMax', limit: rule.max }
  // Compared as printed: exact at any magnitude, unlike a tolerance on value × 10^decimals.
  if (rule.decimals !== undefined && Number(value.toFixed(rule.decimals)) !== value)
    return { kind: 'tooManyDecimals', limit: rule.decimals }
  return null
}

/** The rule a number field keeps (set by numberField; plain fields have only min and max). */
export const ruleOf = (field: NumberField): NumberRule =>
  (field.custom?.rule as NumberRule | undefined) ?? { min: field.min, max: field.max }

type SingleNumberField = Extract<NumberField, { hasMany?: false }>

type Options = Omit<SingleNumberField, 'type' | 'min' | 'max' | 'validate' | 'hasMany'> & {
  /** A check across fields, run once the value itself keeps the rule. */
  also?: NonNullable<SingleNumberField['validate']>
}

/**
 * A number field keeping `rule`: Payload's own check (required, min, max, with its messages), then
 * whole numbers and decimals.
 */
export function numberField({ also, ...field }: Options, rule: NumberRule): SingleNumberField {
  return {
    ...field,
    type: 'number',
    min: rule.min,
    max: rule.max,
    custom: { ...field.custom, rule },
    validate: (value, args) => {
      const own = payloadNumber(value, { ...args, min: rule.min, max: rule.max })
      if (own !== true || value === null || value === undefined) return own
      const problem = numberProblem(value, rule)
      if (problem?.kind === 'notWhole') return '必须是整数。'
      if (problem?.kind === 'tooManyDecimals') return `最多保留 ${problem.limit} 位小数。`
      return also ? also(value, args) : true
    },
  }
}
