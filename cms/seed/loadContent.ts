import type { PayloadRequest } from 'payload'

import { readFolder, type FileProblem, type RawItem } from './contentFiles.ts'
import type { CollectionSpec } from './fieldSpec.ts'
import type { MarkdownCodec } from './markdown.ts'
import { SPECS } from './specs.ts'
import { checkRules, parseFields, toPayload, type FieldProblem } from './values.ts'

/** A content file that passed validation, in canonical form. */
export type ContentItem = {
  spec: CollectionSpec
  key: string
  file: string
  upload?: string
  status: 'published' | 'draft'
  values: Record<string, unknown>
  /** Canonical Markdown body ('' when none). */
  body: string
}

/**
 * Reads and validates every file under `root`: first its form (the fields its collection has, of
 * the right kinds, referring to items that exist), then, for files whose form is sound, the rules
 * the collection's fields check themselves. Nothing is written anywhere: the result is either the
 * whole corpus or the complete list of problems, each naming its file and field.
 */
export async function loadContent(root: string, markdown: MarkdownCodec, req: PayloadRequest) {
  const problems: FileProblem[] = []
  const raw = SPECS.flatMap((spec) => readFolder(root, spec, problems))

  const keys = new Map<string, Set<string>>(
    SPECS.map((spec) => [spec.collection, new Set<string>()]),
  )
  for (const item of raw) keys.get(item.spec.collection)?.add(item.key)
  const known = (collection: string) => keys.get(collection) ?? new Set<string>()

  const items: ContentItem[] = []
  for (const item of raw) {
    const fieldProblems: FieldProblem[] = []
    const parsed = parseItem(item, known, markdown, fieldProblems)
    if (fieldProblems.length === 0) {
      // References stand in as their slugs: no field rule looks at the referenced document.
      const data = toPayload(parsed.values, item.spec.fields, (_collection, key) => key)
      await checkRules(data, item.spec.fields, req, fieldProblems)
    }
    problems.push(...fieldProblems.map((problem) => ({ file: item.file, ...problem })))
    if (fieldProblems.length === 0) items.push(parsed)
  }
  return { items, problems }
}

function parseItem(
  item: RawItem,
  known: (collection: string) => Set<string>,
  markdown: MarkdownCodec,
  problems: FieldProblem[],
): ContentItem {
  const { status, ...frontMatter } = item.frontMatter as Record<string, unknown>
  if (
    status !== undefined &&
    !(item.spec.drafts && (status === 'draft' || status === 'published'))
  ) {
    problems.push({
      field: 'status',
      reason: item.spec.drafts
        ? 'must be draft or published'
        : `${item.spec.folder} have no drafts`,
    })
  }
  const values = parseFields(frontMatter, item.spec.fields, known, problems)
  let body = ''
  if (item.spec.body) {
    // Keep the body in the form it comes back out of the database, so the two compare exactly.
    body = markdown.fieldsToBody(
      markdown.bodyToFields(item.body, item.spec.body, problems),
      item.spec.body,
    )
  } else if (item.body.trim()) {
    problems.push({ field: '(body)', reason: 'this kind of file has no body' })
  }
  return {
    spec: item.spec,
    key: item.key,
    file: item.file,
    upload: item.upload,
    status: status === 'draft' ? 'draft' : 'published',
    values,
    body,
  }
}
