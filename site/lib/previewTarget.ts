/**
 * A draft preview (site/cli/preview.ts) renders one draft's page with the site's templates, in the
 * preview renderer (site/cli/previewRenderer.ts), whose content store holds the draft (PREVIEW_DOC,
 * read by the loader too) and the draft's community rather than the city. Its routes list only the
 * pages whose subject is the draft (site/lib/cacheKey.ts's keyed()): a preview's cost then does not
 * grow with the site.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'

import { contentType } from '../../cms/contentTypes.ts'
import { idOf, type Ref } from '../../cms/utilities/idOf.ts'
import type { Where } from '../loaders/payloadSource.ts'

export type PreviewTarget = { collection: string; id: string }
type PreviewDoc = { collection: string; doc: { slug?: string | null; id: string | number } }

let preview: { version: string; doc: PreviewDoc | null } | undefined
/**
 * The draft a preview adds (its collection and document), or null outside a preview. Read again
 * whenever its file changes: the preview renderer (site/cli/previewRenderer.ts) keeps running and
 * puts each preview's draft there.
 */
export function previewDoc(): PreviewDoc | null {
  const file = process.env.PREVIEW_DOC
  if (!file) return null
  const stat = statSync(file, { throwIfNoEntry: false })
  const version = stat ? `${stat.mtimeMs} ${stat.size} ${stat.ino}` : ''
  if (preview?.version !== version)
    preview = { version, doc: stat ? (JSON.parse(readFileSync(file, 'utf8')) as PreviewDoc) : null }
  return preview.doc
}

/**
 * Where the loader says which of the draft's fields fail the site's schema: a draft may be saved
 * incomplete (Payload checks required fields only on publishing), and its page then cannot be
 * made. The renderer tells the editor what to fill in rather than "not found".
 */
const problemFile = () => `${process.env.PREVIEW_DOC}.problem.json`

/**
 * Records the fields a schema error names (Astro's message lists each as `**path**: …`). Inside
 * the loader, which the renderer's development server runs as a module of its own: a file, not
 * shared memory.
 */
export function reportDraftProblem(error: Error): void {
  const fields = [...error.message.matchAll(/^\s*\*\*([^*]+)\*\*:/gm)].map((m) => m[1]!)
  writeFileSync(problemFile(), JSON.stringify(fields))
}

/** The fields the last preview's draft failed on (empty if none named), or null if it did not fail. */
export function draftProblem(): string[] | null {
  try {
    return JSON.parse(readFileSync(problemFile(), 'utf8')) as string[]
  } catch {
    return null
  }
}

export const clearDraftProblem = () => rmSync(problemFile(), { force: true })

/** The draft's entry (its site collection and entry id), or null outside a preview build. */
export function previewTarget(): PreviewTarget | null {
  const draft = previewDoc()
  const type = draft && contentType(draft.collection)
  if (!draft || !type || !('site' in type)) return null
  // The loader's entry id: the slug, or the document id for types without one.
  return { collection: type.site, id: String(draft.doc.slug ?? draft.doc.id) }
}

/** The path of the page a preview serves (the draft's own), or null outside a preview build. */
export function previewPage(): string | null {
  const draft = previewDoc()
  const type = draft && contentType(draft.collection)
  return type && 'page' in type ? type.page(draft.doc) : null
}

/** The collections a preview build reads for the draft's community alone: nearly all of a city. */
const PREVIEW_SCOPED = new Set(['notices', 'disclosures'])

/**
 * The query a preview build adds to its reads of `collection`: the draft's community only (the
 * draft itself when it is a community), or null to read everything. The pages about a draft show
 * only its own community's notices and disclosures, so a preview costs what one community holds,
 * not what the city does.
 */
export function previewScope(collection: string): Where | null {
  const community = PREVIEW_SCOPED.has(collection) ? previewCommunity() : null
  return community === null ? null : { community: { equals: community } }
}

function previewCommunity(): string | null {
  const draft = previewDoc()
  if (!draft) return null
  if (draft.collection === 'communities') return String(draft.doc.id)
  return idOf((draft.doc as { community?: Ref }).community)
}

type EntryRef = { collection?: unknown; id?: unknown }
const isTarget = (value: unknown, { collection, id }: PreviewTarget) =>
  typeof value === 'object' &&
  value !== null &&
  (value as EntryRef).collection === collection &&
  (value as EntryRef).id === id

/**
 * Whether a page is about the draft: one of its props is the draft's entry (a notice's page), or
 * holds it as its own entry (`ctx.community` of a community's pages). Lists that merely include
 * it are not.
 */
export function isAboutTarget(props: object, target: PreviewTarget): boolean {
  return Object.values(props).some(
    (value) =>
      isTarget(value, target) ||
      (typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).some((inner) => isTarget(inner, target))),
  )
}
