/**
 * A small vocabulary for the open-data JSON Schemas (draft 2020-12), and the walk that turns a schema
 * into the field table the 开放数据 page prints. Every field's meaning is written once, in the schema
 * (from zh.ts), so the page that explains a file and the test that validates it cannot disagree.
 */
export type Schema = {
  type?: string | string[]
  description?: string
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean
  items?: Schema
  enum?: (string | number | boolean | null)[]
  pattern?: string
  minLength?: number
  format?: string
  minimum?: number
  anyOf?: Schema[]
  const?: unknown
  title?: string
  $schema?: string
}

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema'

export const string = (description: string, extra: Partial<Schema> = {}): Schema => ({
  type: 'string',
  description,
  ...extra,
})
export const integer = (description: string, extra: Partial<Schema> = {}): Schema => ({
  type: 'integer',
  description,
  ...extra,
})
export const number = (description: string): Schema => ({ type: 'number', description })
export const boolean = (description: string): Schema => ({ type: 'boolean', description })
export const dateTime = (description: string) => string(description, { format: 'date-time' })
export const date = (description: string) => string(description, { format: 'date' })
export const uri = (description: string) => string(description, { format: 'uri' })
export const oneOf = (description: string, values: string[]) =>
  string(description, { enum: values })

/** The same value, or null where the item has none. */
export function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string' && schema.type !== 'object' && schema.type !== 'array')
    return {
      ...schema,
      type: [schema.type, 'null'],
      ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
    }
  return { description: schema.description, anyOf: [schema, { type: 'null' }] }
}

/** An object with exactly these fields, all of them present (null stands for "none"). */
export const object = (description: string, properties: Record<string, Schema>): Schema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
})

export const array = (description: string, items: Schema): Schema => ({
  type: 'array',
  description,
  items,
})

export type FieldRow = { path: string; type: string; description: string }

const typeName = (schema: Schema): string => {
  if (schema.anyOf) return schema.anyOf.map(typeName).join(' | ')
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? '']
  return types
    .map((type) => (type === 'string' && schema.format ? `string (${schema.format})` : type))
    .join(' | ')
}

/** Every field of a schema, depth first: `notices[].meeting.startsAt`, its type, its meaning. */
export function describeFields(schema: Schema, path = ''): FieldRow[] {
  const rows: FieldRow[] = []
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema
  if (path) rows.push({ path, type: typeName(schema), description: schema.description ?? '' })
  if (inner.properties)
    for (const [key, child] of Object.entries(inner.properties))
      rows.push(...describeFields(child, path ? `${path}.${key}` : key))
  if (inner.items?.properties || inner.items?.anyOf)
    rows.push(...describeFields(inner.items, `${path}[]`).slice(1))
  return rows
}
