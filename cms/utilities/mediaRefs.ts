import type { Field } from 'payload'

import { idOf, type Ref } from './idOf.ts'

export const MEDIA = 'media'

const pointsAtMedia = (relationTo: string | string[]) =>
  Array.isArray(relationTo) ? relationTo.includes(MEDIA) : relationTo === MEDIA

/**
 * Whether a document with these fields can use an uploaded file: an upload or relationship field
 * pointing at media, or rich text (Lexical's upload node can embed any file), at any depth.
 */
export function referencesMedia(fields: Field[]): boolean {
  return fields.some((field) => {
    if (field.type === 'upload' || field.type === 'relationship')
      return pointsAtMedia(field.relationTo)
    if (field.type === 'richText') return true
    if (field.type === 'tabs') return field.tabs.some((tab) => referencesMedia(tab.fields))
    if (field.type === 'blocks') return (field.blocks ?? []).some((b) => referencesMedia(b.fields))
    return 'fields' in field && Array.isArray(field.fields) && referencesMedia(field.fields)
  })
}

/** Every `{ relationTo: 'media', value }` inside rich text (upload and relationship nodes). */
function richTextRefs(node: unknown, out: Set<string>) {
  if (Array.isArray(node)) return node.forEach((child) => richTextRefs(child, out))
  if (!node || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (record.relationTo === MEDIA && record.value != null) {
    const id = idOf(record.value as Ref)
    if (id) out.add(id)
  }
  for (const value of Object.values(record)) richTextRefs(value, out)
}

function collect(fields: Field[], data: Record<string, unknown> | undefined, out: Set<string>) {
  if (!data || typeof data !== 'object') return
  for (const field of fields) {
    const named = 'name' in field && typeof field.name === 'string'
    const value = named ? data[field.name as string] : undefined
    switch (field.type) {
      case 'upload':
      case 'relationship': {
        if (!pointsAtMedia(field.relationTo)) break
        for (const item of Array.isArray(value) ? value : [value]) {
          const polymorphic = Array.isArray(field.relationTo)
          const ref = polymorphic
            ? (item as { relationTo?: string; value?: Ref } | null)?.relationTo === MEDIA
              ? (item as { value?: Ref }).value
              : null
            : (item as Ref)
          const id = idOf(ref ?? null)
          if (id) out.add(id)
        }
        break
      }
      case 'richText':
        richTextRefs(value, out)
        break
      case 'tabs':
        for (const tab of field.tabs) {
          const inner = 'name' in tab && tab.name ? data[tab.name] : data
          collect(tab.fields, inner as Record<string, unknown>, out)
        }
        break
      case 'array':
        for (const row of Array.isArray(value) ? value : []) collect(field.fields, row, out)
        break
      case 'blocks':
        for (const row of Array.isArray(value) ? value : []) {
          const block = (field.blocks ?? []).find((b) => b.slug === row?.blockType)
          if (block) collect(block.fields, row, out)
        }
        break
      default:
        if ('fields' in field && Array.isArray(field.fields))
          collect(field.fields, (named ? value : data) as Record<string, unknown>, out)
    }
  }
}

/** The IDs (as strings) of every file a stored document uses, in any of its fields. */
export function mediaIdsIn(fields: Field[], doc: Record<string, unknown> | null): Set<string> {
  const out = new Set<string>()
  collect(fields, doc ?? undefined, out)
  return out
}

/**
 * A `select` of only the fields that can use files (and `_status`), so reading every document for
 * a recount touches no other column: safe inside a migration that runs before later ones.
 */
export function mediaSelect(fields: Field[]): Record<string, unknown> {
  const select: Record<string, unknown> = {}
  for (const field of fields) {
    if (!referencesMedia([field])) continue
    const named = 'name' in field && typeof field.name === 'string' ? field.name : null
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (!referencesMedia(tab.fields)) continue
        if ('name' in tab && tab.name) select[tab.name] = true
        else Object.assign(select, mediaSelect(tab.fields))
      }
    } else if (named) select[named] = true
    else if ('fields' in field && Array.isArray(field.fields))
      Object.assign(select, mediaSelect(field.fields))
  }
  return select
}
