import type { Loader, LoaderContext } from 'astro/loaders'

import { LATE_COMMIT_MS } from '../../cms/lateCommit.ts'

import { previewDoc, previewScope, reportDraftProblem } from '../lib/previewTarget.ts'
import { mediaAsset, mirrorPublicMedia, type MediaAsset } from './mediaFiles.ts'
import {
  PayloadLoaderError,
  payloadSource,
  type FindArgs,
  type PayloadDoc,
  type PayloadSource,
} from './payloadSource.ts'
import { relationsOf } from './relations.ts'
import { richTextToHtml } from './richText.ts'

/**
 * Ids asked for in one query: under the CMS's bound on an `in` list (1,000 values, which keeps
 * SQLite's statements within its limits) and short enough for a REST query string.
 */
const IDS_PER_QUERY = 200
const idChunks = (ids: string[]) =>
  Array.from({ length: Math.ceil(ids.length / IDS_PER_QUERY) }, (_, i) =>
    ids.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY),
  )

/** What a `transform` gets to turn a Payload document into an entry's data. */
export type TransformHelpers = {
  html: (richText: unknown) => string
  media: (ref: unknown) => Promise<MediaAsset | null>
  /** The slug of a populated relationship (null when unset or not readable by the public). */
  slug: (ref: unknown) => string | null
  slugs: (refs: unknown) => string[]
}

export type PayloadLoaderOptions = {
  /** The Payload collection slug, e.g. 'notices'. */
  collection: string
  /**
   * How deep relationships are populated (default 1), and which fields of each related collection
   * (default: `{ slug: true }` for every relation, enough to link to it).
   */
  depth?: number
  populate?: FindArgs['populate']
  /** Turns a published document into the entry's data; validated by the collection's schema. */
  transform: (
    doc: PayloadDoc,
    helpers: TransformHelpers,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>
}

/**
 * The preview renderer (site/cli/previewRenderer.ts) adds one draft, fetched with the staff member's
 * own rights, to its collection. Its store is its own, and its pages are never published.
 */
function previewDraft(collection: string): PayloadDoc | null {
  const preview = previewDoc()
  return preview?.collection === collection ? (preview.doc as PayloadDoc) : null
}

const slugOf = (ref: unknown): string | null =>
  ref && typeof ref === 'object' && typeof (ref as { slug?: unknown }).slug === 'string'
    ? (ref as { slug: string }).slug
    : null

/**
 * Bump when what the transforms make of unchanged documents changes (a new field shown, another
 * shape): every loader then reads its whole collection again once. Changes to content.config.ts
 * itself already make Astro start from an empty store.
 */
const SYNC_VERSION = '2'
/**
 * A save still committing while a sync read was not seen by it, yet may carry an `updatedAt` older
 * than the newest one the sync saw. So a sync reads again from LATE_COMMIT_MS before the previous
 * sync started, or from the newest change it saw if that is earlier; documents read twice are
 * recognised by their digest and skipped.
 */

/**
 * The meta key naming the draft the last preview put in the store (the preview renderer's store
 * only): the next sync takes it out before anything else.
 */
const PREVIEWED = 'previewed'

/** The mark of a collection the public may not read (staff accounts): nothing of it shows. */
const PRIVATE = 'private'

const keyOf = (doc: PayloadDoc) => String(doc.slug ?? doc.id)
const later = (a: string, b: unknown) => (typeof b === 'string' && b > a ? b : a)
const earlier = (a: string, b: string) => (a < b ? a : b)

type Changes = {
  /** IDs saved (published) after the mark. */
  updated: string[]
  /** IDs unpublished or deleted after the mark (collections/SiteRemovals). */
  removed: string[]
  /** The newest change seen, the next sync's mark. */
  mark: string
}

/**
 * What changed in a collection after `since` (null if the public may not read it at all, such as
 * staff accounts: nothing of it shows on the site). Several loaders ask about the same collections
 * (communities, media), so each question is read once per build process.
 */
const asked = new Map<string, Promise<Changes | null>>()
function changesOf(source: PayloadSource, collection: string, since: string, mark: string) {
  const key = `${collection} ${since}`
  if (!asked.has(key)) {
    asked.set(
      key,
      (async () => {
        const found: Changes = { updated: [], removed: [], mark }
        try {
          for await (const page of source.pages({
            collection,
            depth: 0,
            select: { updatedAt: true },
            where: { updatedAt: { greater_than: since } },
          })) {
            for (const doc of page) {
              found.updated.push(String(doc.id))
              found.mark = later(found.mark, doc.updatedAt)
            }
          }
        } catch (error) {
          if ((error as { status?: number }).status === 403) return null
          throw error
        }
        for await (const page of removalsSince(source, collection, since)) {
          for (const row of page) {
            found.removed.push(String(row.docId))
            found.mark = later(found.mark, row.createdAt)
          }
        }
        return found
      })(),
    )
  }
  return asked.get(key)!
}

const removalsSince = (source: PayloadSource, collection: string, since: string) =>
  source.pages({
    collection: 'site-removals',
    depth: 0,
    where: {
      and: [{ ofCollection: { equals: collection } }, { createdAt: { greater_than: since } }],
    },
  })

/** The newest change in a collection so far, the mark a first full sync starts from. */
async function newestChange(source: PayloadSource, collection: string): Promise<string | null> {
  let mark = ''
  try {
    for await (const page of source.pages({
      collection,
      depth: 0,
      select: { updatedAt: true },
      sort: '-updatedAt',
      limit: 1,
    })) {
      mark = later(mark, page[0]?.updatedAt)
      break
    }
  } catch (error) {
    if ((error as { status?: number }).status === 403) return null
    throw error
  }
  for await (const page of source.pages({
    collection: 'site-removals',
    depth: 0,
    where: { ofCollection: { equals: collection } },
    sort: '-createdAt',
    limit: 1,
  })) {
    mark = later(mark, page[0]?.createdAt)
    break
  }
  return mark || new Date(0).toISOString()
}

/**
 * An Astro content loader for published Payload documents. Entries are keyed by slug; a document
 * whose digest is unchanged since the last build is not processed again; a document that fails
 * its schema is skipped with a warning that names it, so one bad document never breaks the site.
 *
 * After the first build it reads only what changed. Its `meta` store keeps, for its own collection
 * and each collection its documents point at, the newest change it has seen; a sync then reads the
 * documents saved since, those pointing at related documents saved or removed since (a renamed
 * community changes its notices' pages), and what was unpublished or deleted since, which leaves.
 */
export function payloadLoader(options: PayloadLoaderOptions): Loader {
  const { collection } = options
  return {
    name: `payload:${collection}`,
    async load(context: LoaderContext) {
      const { store, meta, logger, parseData, generateDigest } = context
      const scope = previewScope(collection)
      const scopeKey = scope ? JSON.stringify(scope) : ''
      const fetchArgs = { collection, depth: options.depth ?? 1, populate: options.populate }
      const draft = previewDraft(collection)
      // Its published version, if any, is the draft's to replace.
      const isDraft = (doc: PayloadDoc) => draft !== null && String(doc.id) === String(draft.id)
      const source = await payloadSource()
      await mirrorPublicMedia(source)
      const helpers: TransformHelpers = {
        html: richTextToHtml,
        media: async (ref) => mediaAsset(ref),
        slug: slugOf,
        slugs: (refs) =>
          Array.isArray(refs)
            ? refs.map(slugOf).filter((slug): slug is string => slug !== null)
            : [],
      }
      /** Payload ID → entry key, so a removal (known by ID) or a new slug finds the old entry. */
      const keys = new Map<string, string>(JSON.parse(meta.get('keys') ?? '[]'))
      const marks = new Map<string, string>(JSON.parse(meta.get('marks') ?? '[]'))
      const startedAt = new Date().toISOString()
      const previousStart = new Date(
        Date.parse(meta.get('startedAt') ?? startedAt) - LATE_COMMIT_MS,
      ).toISOString()
      const since = (c: string) => earlier(marks.get(c)!, previousStart)
      let read = 0
      let changed = 0
      const put = async (doc: PayloadDoc) => {
        read += 1
        const id = keyOf(doc)
        const previous = keys.get(String(doc.id))
        if (previous !== undefined && previous !== id) store.delete(previous)
        keys.set(String(doc.id), id)
        const digest = generateDigest(doc)
        if (store.get(id)?.digest === digest) return
        try {
          const data = await parseData({ id, data: await options.transform(doc, helpers) })
          store.set({ id, data, digest })
          changed += 1
        } catch (error) {
          // Its old version must not stay on the site either.
          store.delete(id)
          if (draft && String(doc.id) === String(draft.id)) reportDraftProblem(error as Error)
          logger.warn(`Skipped ${collection} "${id}": ${(error as Error).message}`)
        }
      }
      const remove = (docId: string) => {
        const key = keys.get(docId)
        if (key !== undefined) store.delete(key)
        keys.delete(docId)
      }

      try {
        const relations = await relationsOf(collection)
        const watched = [collection, ...new Set(relations.flatMap((r) => r.collections))]
        // A preview reads its community afresh (a few hundred documents, and none that moved
        // away stays behind); the store of a build that read one community holds too few, and
        // one made from another CMS (the preview renderer's, which every checkout's share) the
        // wrong ones.
        const full =
          scope !== null ||
          meta.get('source') !== source.identity ||
          (meta.get('scope') ?? '') !== scopeKey ||
          meta.get('version') !== SYNC_VERSION ||
          watched.some((c) => !marks.has(c))
        if (full) {
          // Marks first: whatever is saved while this reads is read again next time.
          for (const c of watched) marks.set(c, (await newestChange(source, c)) ?? PRIVATE)
          const seen = new Set<string>()
          for await (const page of source.pages(
            scope ? { ...fetchArgs, where: scope } : fetchArgs,
          )) {
            for (const doc of page) {
              if (isDraft(doc)) continue
              seen.add(keyOf(doc))
              await put(doc)
            }
          }
          if (draft) {
            seen.add(keyOf(draft))
            await put(draft)
          }
          for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
          for (const [docId, key] of keys) if (!seen.has(key)) keys.delete(docId)
        } else {
          const own = (await changesOf(
            source,
            collection,
            since(collection),
            marks.get(collection)!,
          ))!
          // A preview store holds the last preview's draft: it goes, and its published version
          // (if any) is read again below, so no draft stays for the next preview.
          const previewed = meta.get(PREVIEWED)
          if (previewed) remove(previewed)
          // What to read again: the changed documents, and those relating to a changed one. A
          // bulk import can change thousands at once, so ids go a few hundred to a query.
          const again = previewed ? [...own.updated, previewed] : own.updated
          const touched: Record<string, unknown>[] = idChunks(again).map((ids) => ({
            id: { in: ids },
          }))
          for (const { path, collections } of relations) {
            for (const related of collections) {
              if (marks.get(related) === PRIVATE) continue
              const changes = await changesOf(source, related, since(related), marks.get(related)!)
              if (!changes) continue
              for (const ids of idChunks([...changes.updated, ...changes.removed]))
                touched.push({ [path]: { in: ids } })
              marks.set(related, changes.mark)
            }
          }
          for (const docId of own.removed) remove(docId)
          // A document matched by two queries is read twice and stored once (same digest).
          for (const where of touched)
            for await (const page of source.pages({ ...fetchArgs, where }))
              for (const doc of page) if (!isDraft(doc)) await put(doc)
          if (draft) await put(draft)
          marks.set(collection, own.mark)
        }
      } catch (error) {
        throw new PayloadLoaderError(
          `Could not read "${collection}" from Payload: ${(error as Error).message}`,
          { cause: error },
        )
      }
      meta.set('version', SYNC_VERSION)
      meta.set('source', source.identity)
      meta.set('scope', scopeKey)
      meta.set('keys', JSON.stringify([...keys]))
      meta.set('marks', JSON.stringify([...marks]))
      meta.set('startedAt', startedAt)
      meta.set(PREVIEWED, draft ? String(draft.id) : '')
      logger.info(
        `${store.keys().length} published ${collection}: ${read} read, ${changed} new or changed`,
      )
    },
  }
}
