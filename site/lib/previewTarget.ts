/**
 * A draft preview (site/cli/preview.ts) builds the site with one draft added (PREVIEW_DOC, read by
 * the loader too) and serves one page of it. Such a build lists only the pages whose subject is the
 * draft (site/lib/cacheKey.ts's keyed()) and renders only the one it serves (previewPage(),
 * site/cli/previewPageOnly.ts), not the whole site: its cost then does not grow with the site, and
 * it never needs a full render after a template change.
 */
import { readFileSync } from 'node:fs'

import { contentType } from '../../cms/contentTypes.ts'
import { idOf, type Ref } from '../../cms/utilities/idOf.ts'
import type { Where } from '../loaders/payloadSource.ts'

export type PreviewTarget = { collection: string; id: string }
type PreviewDoc = { collection: string; doc: { slug?: string | null; id: string | number } }

let preview: PreviewDoc | null | undefined
/** The draft a preview build adds (its collection and document), or null outside a preview build. */
export function previewDoc(): PreviewDoc | null {
  if (preview === undefined) {
    const file = process.env.PREVIEW_DOC
    preview = file ? (JSON.parse(readFileSync(file, 'utf8')) as PreviewDoc) : null
  }
  return preview
}

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
