/**
 * Which fields of a collection point at other documents, read off the Payload collection config (the
 * one description of every field): the loader refetches a document when a document it points at
 * changes, since the entry shows some of that document (a community's name, a file's alt text).
 */
import type { Field } from 'payload'

export type Relation = {
  /** Dotted field path, as a Payload `where` names it (`source.publication`). */
  path: string
  collections: string[]
}

function walk(fields: Field[], prefix: string, found: Relation[]) {
  for (const field of fields) {
    const name = 'name' in field && field.name ? `${prefix}${field.name}` : undefined
    switch (field.type) {
      case 'relationship':
      case 'upload':
        if (name) {
          const to = field.relationTo as string | string[]
          found.push({ path: name, collections: Array.isArray(to) ? to : [to] })
        }
        break
      case 'group':
      case 'array':
        walk(field.fields, name ? `${name}.` : prefix, found)
        break
      case 'row':
      case 'collapsible':
        walk(field.fields, prefix, found)
        break
      case 'tabs':
        for (const tab of field.tabs)
          walk(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix, found)
        break
    }
  }
  return found
}

let configured: Promise<Map<string, Relation[]>> | undefined

/** The relations of every collection, from the CMS config (loaded once per build process). */
export function relationsOf(collection: string): Promise<Relation[]> {
  configured ??= import('../../cms/payload.config.ts').then(async ({ default: config }) => {
    const { collections } = await config
    return new Map(collections.map((c) => [c.slug, walk(c.fields, '', [])]))
  })
  return configured.then((all) => all.get(collection) ?? [])
}
