import { readFileSync } from 'node:fs'

import type { Loader, LoaderContext } from 'astro/loaders'

import { syncMedia, type MediaAsset } from './mediaFiles.ts'
import {
  PayloadLoaderError,
  payloadSource,
  type FindArgs,
  type PayloadDoc,
  type PayloadSource,
} from './payloadSource.ts'
import { richTextToHtml } from './richText.ts'

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
 * A preview build (site/cli/preview.ts) adds one draft, fetched with the staff member's own rights,
 * to its collection. Preview builds go to a separate folder and are never published.
 */
function withPreviewDraft(collection: string, docs: PayloadDoc[]): PayloadDoc[] {
  const file = process.env.PREVIEW_DOC
  if (!file) return docs
  const preview = JSON.parse(readFileSync(file, 'utf8')) as { collection: string; doc: PayloadDoc }
  if (preview.collection !== collection) return docs
  return [...docs.filter((doc) => String(doc.id) !== String(preview.doc.id)), preview.doc]
}

const slugOf = (ref: unknown): string | null =>
  ref && typeof ref === 'object' && typeof (ref as { slug?: unknown }).slug === 'string'
    ? (ref as { slug: string }).slug
    : null

/**
 * An Astro content loader for published Payload documents. Entries are keyed by slug; a document
 * whose digest is unchanged since the last build is not processed again; a document that fails
 * its schema is skipped with a warning that names it, so one bad document never breaks the site.
 */
export function payloadLoader(options: PayloadLoaderOptions): Loader {
  return {
    name: `payload:${options.collection}`,
    async load(context: LoaderContext) {
      const { store, logger, parseData, generateDigest } = context
      let source: PayloadSource
      let docs: PayloadDoc[]
      try {
        source = await payloadSource()
        docs = await source.find({
          collection: options.collection,
          depth: options.depth ?? 1,
          populate: options.populate,
        })
      } catch (error) {
        throw new PayloadLoaderError(
          `Could not read "${options.collection}" from Payload: ${(error as Error).message}`,
          {
            cause: error,
          },
        )
      }
      docs = withPreviewDraft(options.collection, docs)
      const helpers: TransformHelpers = {
        html: richTextToHtml,
        media: (ref) => syncMedia(ref, source),
        slug: slugOf,
        slugs: (refs) =>
          Array.isArray(refs)
            ? refs.map(slugOf).filter((slug): slug is string => slug !== null)
            : [],
      }
      const seen = new Set<string>()
      let changed = 0
      for (const doc of docs) {
        const id = String(doc.slug ?? doc.id)
        seen.add(id)
        const digest = generateDigest(doc)
        if (store.get(id)?.digest === digest) continue
        try {
          const data = await parseData({ id, data: await options.transform(doc, helpers) })
          store.set({ id, data, digest })
          changed += 1
        } catch (error) {
          logger.warn(`Skipped ${options.collection} "${id}": ${(error as Error).message}`)
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      logger.info(`${docs.length} published ${options.collection} (${changed} new or changed)`)
    },
  }
}
