/**
 * The content-file schema, read off the Payload collection config: the config is the one
 * description of a type's fields, and this walk turns it into what validation, loading into Payload
 * and exporting back to files need. Field order in the config is the key order of exported files.
 */
import type { CollectionConfig, Condition, Field, Validate } from 'payload'

import { ruleOf, type NumberRule } from '../fields/number.ts'

/** The field's own validate function and display condition, which the seed runs as Payload does. */
type Checks = { validate?: Validate; condition?: Condition }

export type FieldSpec = Checks &
  (
    | { kind: 'text'; required: boolean; options?: readonly string[] }
    | { kind: 'number'; required: boolean; rule: NumberRule }
    | { kind: 'boolean' }
    | { kind: 'texts' }
    | { kind: 'ref'; to: string; required: boolean }
    | { kind: 'refs'; to: string }
    | { kind: 'dateTime'; required: boolean }
    | { kind: 'date' }
    | { kind: 'yearMonth'; year: NumberRule; month: NumberRule }
    | { kind: 'group'; fields: Fields; required: boolean }
    | { kind: 'list'; fields: Fields }
  )

export type Fields = Record<string, FieldSpec>

/**
 * How a Markdown file's body maps onto rich-text fields: one field, or the `sections` group, one
 * `## heading` (the field's label) per rich-text field.
 */
export type BodySpec = { field: string } | { sections: Record<string, string> }

export type CollectionSpec = {
  collection: string
  folder: string
  format: 'yaml' | 'markdown' | 'media'
  /** Whether the collection has drafts, i.e. files may say `status: draft`. */
  drafts: boolean
  fields: Fields
  body?: BodySpec
}

const isRequired = (spec: FieldSpec) => 'required' in spec && spec.required

type NamedField = Extract<Field, { name: string }>

function specOf(field: NamedField): FieldSpec | null {
  const checks: Checks = {
    validate: 'validate' in field ? (field.validate as Validate) : undefined,
    condition: field.admin?.condition,
  }
  const required = Boolean('required' in field && field.required)
  switch (field.type) {
    case 'text':
      return field.hasMany ? { kind: 'texts', ...checks } : { kind: 'text', required, ...checks }
    case 'textarea':
      return { kind: 'text', required, ...checks }
    case 'select':
      return {
        kind: 'text',
        required,
        options: field.options.map((option) =>
          typeof option === 'string' ? option : option.value,
        ),
        ...checks,
      }
    case 'number':
      return { kind: 'number', required, rule: ruleOf(field), ...checks }
    case 'checkbox':
      return { kind: 'boolean', ...checks }
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') throw new Error(`${field.name}: one target only`)
      const to = field.relationTo
      return field.hasMany
        ? { kind: 'refs', to, ...checks }
        : { kind: 'ref', to, required, ...checks }
    }
    case 'date':
      return field.admin?.date?.pickerAppearance === 'dayOnly'
        ? { kind: 'date', ...checks }
        : { kind: 'dateTime', required, ...checks }
    case 'group': {
      if (field.fields.every((f) => f.type === 'richText')) return null // the body's sections
      const fields = fieldsOf(field.fields)
      if (field.custom?.fileFormat === 'yearMonth') {
        const rule = (name: string) => (fields[name] as { rule: NumberRule }).rule
        return { kind: 'yearMonth', year: rule('year'), month: rule('month') }
      }
      // A group is required when something in it is: an absent one is reported once, by its name.
      return { kind: 'group', fields, required: Object.values(fields).some(isRequired), ...checks }
    }
    case 'array':
      return { kind: 'list', fields: fieldsOf(field.fields), ...checks }
    default:
      return null // rich text is the file's body; joins are computed
  }
}

/** The fields content files write, in config order; rows and other layout containers are see-through. */
export function fieldsOf(fields: Field[]): Fields {
  const out: Fields = {}
  for (const field of fields) {
    if (!('name' in field)) {
      if ('fields' in field) Object.assign(out, fieldsOf(field.fields))
      continue
    }
    // The slug is the file's name.
    if (field.name === 'slug' || field.custom?.inFiles === false) continue
    const spec = specOf(field)
    if (spec) out[field.name] = spec
  }
  return out
}

/** The rich-text fields, which the Markdown body fills. */
function bodyOf(fields: Field[]): BodySpec | undefined {
  for (const field of fields) {
    if (field.type === 'richText') return { field: field.name }
    if (
      field.type === 'group' &&
      'name' in field &&
      field.fields.every((f) => f.type === 'richText')
    ) {
      if (field.name !== 'sections') throw new Error('a group of rich-text fields is `sections`')
      const sections = field.fields.map((f) => [f.label as string, (f as { name: string }).name])
      return { sections: Object.fromEntries(sections) }
    }
  }
  return undefined
}

/** A collection's content files, described by its config; they live in `content/<folder>/`. */
export function collectionSpec(config: CollectionConfig, folder: string): CollectionSpec {
  const body = bodyOf(config.fields)
  return {
    collection: config.slug,
    folder,
    format: config.upload ? 'media' : body ? 'markdown' : 'yaml',
    drafts: Boolean(config.versions && config.versions !== true && config.versions.drafts),
    fields: fieldsOf(config.fields),
    body,
  }
}
