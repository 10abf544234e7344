/**
 * The content-file schema language: each collection's files are described once (see specs.ts) and
 * that one description drives validation, loading into Payload and exporting back to files.
 */
export type FieldSpec =
  | { kind: 'text'; required?: boolean; options?: readonly string[] }
  | {
      kind: 'number'
      required?: boolean
      integer?: boolean
      min?: number
      max?: number
      decimals?: number
    }
  | { kind: 'boolean' }
  | { kind: 'texts' }
  | { kind: 'ref'; to: string; required?: boolean }
  | { kind: 'refs'; to: string }
  | { kind: 'dateTime'; required?: boolean }
  | { kind: 'date' }
  | { kind: 'yearMonth' }
  | { kind: 'group'; fields: Fields; required?: boolean }
  | { kind: 'list'; fields: Fields }

export type Fields = Record<string, FieldSpec>

/** How a Markdown file's body maps onto rich-text fields. */
export type BodySpec = { field: string } | { sections: Record<string, string> } // heading text → field inside the `sections` group

export type CollectionSpec = {
  collection: string
  folder: string
  format: 'yaml' | 'markdown' | 'media'
  /** Whether the collection has drafts, i.e. files may say `status: draft`. */
  drafts: boolean
  fields: Fields
  body?: BodySpec
}

export const text = (
  options: { required?: boolean; options?: readonly string[] } = {},
): FieldSpec => ({
  kind: 'text',
  ...options,
})
export const required = { required: true } as const
