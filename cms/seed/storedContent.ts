import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { CollectionSpec } from './fieldSpec.ts'
import type { MarkdownCodec } from './markdown.ts'
import { SPECS } from './specs.ts'
import { fromPayload } from './values.ts'

type Doc = Record<string, unknown> & { id: string | number }

/** The file key of a stored document: its slug, or its file name for media. */
const keyField = (spec: CollectionSpec) => (spec.format === 'media' ? 'filename' : 'slug')

/**
 * What the database holds, indexed both ways (file key ↔ ID) for every content collection, so
 * references can be resolved when seeding and turned back into slugs when exporting.
 */
export class StoredContent {
  private readonly docs = new Map<string, Map<string, Doc>>()
  private readonly keys = new Map<string, Map<string, string>>()

  private readonly markdown: MarkdownCodec

  private constructor(markdown: MarkdownCodec) {
    this.markdown = markdown
  }

  static async load(payload: Payload, markdown: MarkdownCodec, req?: Partial<PayloadRequest>) {
    const stored = new StoredContent(markdown)
    for (const spec of SPECS) {
      const { docs } = await payload.find({
        collection: spec.collection as CollectionSlug,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        sort: keyField(spec),
        req,
      })
      for (const doc of docs as unknown as Doc[]) stored.remember(spec, doc)
    }
    return stored
  }

  remember(spec: CollectionSpec, doc: Doc) {
    const key = String(doc[keyField(spec)])
    if (!this.docs.has(spec.collection)) this.docs.set(spec.collection, new Map())
    if (!this.keys.has(spec.collection)) this.keys.set(spec.collection, new Map())
    this.docs.get(spec.collection)!.set(key, doc)
    this.keys.get(spec.collection)!.set(String(doc.id), key)
  }

  get(spec: CollectionSpec, key: string): Doc | undefined {
    return this.docs.get(spec.collection)?.get(key)
  }

  all(spec: CollectionSpec): Doc[] {
    return [...(this.docs.get(spec.collection)?.values() ?? [])]
  }

  idOf = (collection: string, key: string): string | number => {
    const doc = this.docs.get(collection)?.get(key)
    if (!doc) throw new Error(`no stored ${collection} "${key}"`)
    return doc.id
  }

  keyOf = (collection: string, id: unknown): string => {
    const ref = id && typeof id === 'object' && 'id' in id ? (id as { id: unknown }).id : id
    const key = this.keys.get(collection)?.get(String(ref))
    if (key === undefined)
      throw new Error(`a reference to ${collection} #${String(ref)} that does not exist`)
    return key
  }

  /** A stored document in the canonical file form (the same shape loadContent produces). */
  canonical(spec: CollectionSpec, doc: Doc) {
    return {
      status: (doc._status === 'draft' ? 'draft' : 'published') as 'draft' | 'published',
      values: fromPayload(doc, spec.fields, this.keyOf),
      body: spec.body ? this.markdown.fieldsToBody(doc, spec.body) : '',
    }
  }
}
