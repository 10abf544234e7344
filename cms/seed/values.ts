import type { PayloadRequest } from 'payload'

import { isoDate, isoDateTime, parseDate, parseDateTime } from '../beijingTime.ts'
import { numberProblem } from '../fields/number.ts'
import type { FieldSpec, Fields } from './fieldSpec.ts'

/** A problem found in a content file: which field, and why. */
export type FieldProblem = { field: string; reason: string }

/** Every key of a reference target that exists, per collection (slugs; file names for media). */
export type KnownKeys = (collection: string) => Set<string>

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)

const describe = (value: unknown) => JSON.stringify(value)

/**
 * Checks a file's values against its spec and returns them in canonical form: keys in spec order,
 * empty values dropped, numbers as numbers. The canonical form is what export writes, so comparing
 * it tells whether a file and a stored document say the same thing.
 */
export function parseFields(
  input: Record<string, unknown>,
  fields: Fields,
  known: KnownKeys,
  problems: FieldProblem[],
  prefix = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) {
    if (!(key in fields)) problems.push({ field: prefix + key, reason: 'unknown field' })
  }
  for (const [key, spec] of Object.entries(fields)) {
    const path = prefix + key
    const raw = input[key]
    if (isEmpty(raw)) {
      if ('required' in spec && spec.required) problems.push({ field: path, reason: 'is required' })
      continue
    }
    const value = parseValue(raw, spec, path, known, problems)
    if (!isEmpty(value)) out[key] = value
  }
  return out
}

function parseValue(
  raw: unknown,
  spec: FieldSpec,
  path: string,
  known: KnownKeys,
  problems: FieldProblem[],
): unknown {
  const fail = (reason: string) => {
    problems.push({ field: path, reason })
    return undefined
  }
  switch (spec.kind) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number')
        return fail(`expected text, got ${describe(raw)}`)
      const value = String(raw).trim()
      if (spec.options && !spec.options.includes(value)) {
        return fail(`must be one of ${spec.options.join(', ')}; got ${describe(raw)}`)
      }
      return value
    }
    case 'number': {
      const problem = numberProblem(raw, spec.rule)
      if (!problem) return raw
      return fail(
        {
          notANumber: `expected a number, got ${describe(raw)}`,
          notWhole: `expected a whole number, got ${String(raw)}`,
          belowMin: `must be at least ${spec.rule.min}, got ${String(raw)}`,
          aboveMax: `must be at most ${spec.rule.max}, got ${String(raw)}`,
          tooManyDecimals: `at most ${spec.rule.decimals} decimal places, got ${String(raw)}`,
        }[problem.kind],
      )
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : fail(`expected true or false, got ${describe(raw)}`)
    case 'texts':
      if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
        return fail(`expected a list of texts, got ${describe(raw)}`)
      }
      return raw.map((item: string) => item.trim()).filter(Boolean)
    case 'ref':
      if (typeof raw !== 'string') return fail(`expected a ${spec.to} slug, got ${describe(raw)}`)
      return known(spec.to).has(raw) ? raw : fail(`unknown ${spec.to} "${raw}"`)
    case 'refs': {
      if (!Array.isArray(raw))
        return fail(`expected a list of ${spec.to} slugs, got ${describe(raw)}`)
      const unknown = raw.filter((item) => typeof item !== 'string' || !known(spec.to).has(item))
      if (unknown.length > 0) return fail(`unknown ${spec.to} ${unknown.map(describe).join(', ')}`)
      if (new Set(raw).size !== raw.length) return fail('lists the same item twice')
      return raw
    }
    case 'dateTime':
      return typeof raw === 'string' && parseDateTime(raw)
        ? raw
        : fail(`expected a date-time "YYYY-MM-DD HH:mm" (Beijing time), got ${describe(raw)}`)
    case 'date':
      return typeof raw === 'string' && parseDate(raw)
        ? raw
        : fail(`expected a date "YYYY-MM-DD", got ${describe(raw)}`)
    case 'yearMonth': {
      const match = /^(\d{4})(?:-(\d{2}))?$/.exec(String(raw))
      const year = Number(match?.[1])
      const month = match?.[2] ? Number(match[2]) : undefined
      if (
        !match ||
        numberProblem(year, spec.year) ||
        (month !== undefined && numberProblem(month, spec.month))
      ) {
        return fail(
          `expected a year "YYYY" (${spec.year.min}–${spec.year.max}) or year-month "YYYY-MM", got ${describe(raw)}`,
        )
      }
      return month === undefined ? year : `${match[1]}-${match[2]}`
    }
    case 'group':
      if (typeof raw !== 'object' || Array.isArray(raw))
        return fail(`expected a group of fields, got ${describe(raw)}`)
      return parseFields(raw as Record<string, unknown>, spec.fields, known, problems, `${path}.`)
    case 'list':
      if (!Array.isArray(raw)) return fail(`expected a list, got ${describe(raw)}`)
      return raw.map((item, index) =>
        typeof item === 'object' && item !== null && !Array.isArray(item)
          ? parseFields(
              item as Record<string, unknown>,
              spec.fields,
              known,
              problems,
              `${path}[${index}].`,
            )
          : fail(`[${index}] expected a group of fields, got ${describe(item)}`),
      )
  }
}

/** Resolves a reference to the stored document's ID. */
export type Resolve = (collection: string, key: string) => string | number

/**
 * Canonical file values → Payload data. Every field of the spec is set (absent ones to null or [])
 * so an update also clears what a file no longer says.
 */
export function toPayload(
  values: Record<string, unknown>,
  fields: Fields,
  resolve: Resolve,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(fields))
    out[key] = toPayloadValue(values[key], spec, resolve)
  return out
}

function toPayloadValue(value: unknown, spec: FieldSpec, resolve: Resolve): unknown {
  switch (spec.kind) {
    case 'boolean':
      return value === true
    case 'texts':
      return (value as string[] | undefined) ?? []
    case 'ref':
      return value === undefined ? null : resolve(spec.to, value as string)
    case 'refs':
      return ((value as string[] | undefined) ?? []).map((key) => resolve(spec.to, key))
    case 'dateTime':
      return value === undefined ? null : parseDateTime(value as string)
    case 'date':
      return value === undefined ? null : parseDate(value as string)
    case 'yearMonth': {
      if (value === undefined) return { year: null, month: null }
      const [year, month] = String(value).split('-')
      return { year: Number(year), month: month ? Number(month) : null }
    }
    case 'group':
      return toPayload((value as Record<string, unknown>) ?? {}, spec.fields, resolve)
    case 'list':
      return ((value as Record<string, unknown>[] | undefined) ?? []).map((item) =>
        toPayload(item, spec.fields, resolve),
      )
    default:
      return value ?? null
  }
}

/** Finds the file key (slug, file name) of a referenced document's ID. */
export type KeyOf = (collection: string, id: unknown) => string

/** A stored document → canonical file values (the inverse of toPayload). */
export function fromPayload(
  doc: Record<string, unknown>,
  fields: Fields,
  keyOf: KeyOf,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(fields)) {
    const value = fromPayloadValue(doc?.[key], spec, keyOf)
    if (!isEmpty(value)) out[key] = value
  }
  return out
}

function fromPayloadValue(value: unknown, spec: FieldSpec, keyOf: KeyOf): unknown {
  if (value === null || value === undefined) return undefined
  switch (spec.kind) {
    case 'ref':
      return keyOf(spec.to, value)
    case 'refs':
      return (value as unknown[]).map((id) => keyOf(spec.to, id))
    case 'dateTime':
      return isoDateTime(value as string)
    case 'date':
      return isoDate(value as string)
    case 'yearMonth': {
      const { year, month } = value as { year?: number | null; month?: number | null }
      if (!year) return undefined
      return month ? `${year}-${String(month).padStart(2, '0')}` : year
    }
    case 'group':
      return fromPayload(value as Record<string, unknown>, spec.fields, keyOf)
    case 'list':
      return (value as Record<string, unknown>[]).map((item) =>
        fromPayload(item, spec.fields, keyOf),
      )
    case 'text':
      return typeof value === 'string' ? value.trim() : value
    default:
      return value
  }
}

/**
 * Runs the fields' own validate functions, the rules the CMS checks (a meeting needs a place), on a
 * document in Payload's form, as Payload would: `data` the whole document, `siblingData` its group
 * or list row, fields hidden by their condition skipped. So a file that breaks one is reported
 * before anything is written.
 */
export async function checkRules(
  data: Record<string, unknown>,
  fields: Fields,
  req: PayloadRequest,
  problems: FieldProblem[],
  siblingData: Record<string, unknown> = data,
  prefix = '',
): Promise<void> {
  for (const [key, spec] of Object.entries(fields)) {
    const path = prefix + key
    const value = siblingData[key]
    const context = { blockData: undefined as never, operation: 'create' as const, path: [path] }
    if (spec.condition && !spec.condition(data, siblingData, { ...context, user: req.user }))
      continue
    if (spec.validate) {
      const result = await spec.validate(value, {
        ...context,
        data,
        siblingData,
        req,
        required: 'required' in spec && spec.required,
      } as never)
      if (result !== true) {
        problems.push({ field: path, reason: result })
        continue
      }
    }
    if (spec.kind === 'group') {
      await checkRules(data, spec.fields, req, problems, (value ?? {}) as never, `${path}.`)
    } else if (spec.kind === 'list') {
      const rows = (value ?? []) as Record<string, unknown>[]
      for (const [index, row] of rows.entries())
        await checkRules(data, spec.fields, req, problems, row, `${path}[${index}].`)
    }
  }
}
