import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  CollectionSlug,
  Payload,
  PayloadRequest,
  Plugin,
  SanitizedCollectionConfig,
} from 'payload'

import { MEDIA, mediaIdsIn, mediaSelect, referencesMedia } from '../utilities/mediaRefs.ts'

/**
 * A file is public only while a published document uses it. Each media document lists the
 * published documents that use it (`usedByPublished`, as `collection:id`) and carries `isPublic`,
 * which the media read rule queries, so drafts, documents waiting for review and unpublished or
 * deleted ones never make a file public.
 *
 * After every change or delete of a document that can use files, its entry is recomputed from the
 * document as stored in the collection itself (the published state; a draft save leaves it as it
 * was), in the same transaction as the change. Reading the stored document rather than trusting
 * `previousDoc` keeps this right whatever sequence of drafts, publishes and restores came before.
 */

type MediaUse = {
  id: string | number
  usedByPublished?: string[] | null
  isPublic?: boolean | null
}

const keyOf = (collection: string, id: string | number) => `${collection}:${id}`

const isLive = (config: SanitizedCollectionConfig, doc: Record<string, unknown> | null) =>
  doc !== null && (!config.versions || !config.versions.drafts || doc._status === 'published')

async function writeUse(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  media: MediaUse,
  uses: string[],
) {
  const sorted = [...new Set(uses)].sort()
  if (
    JSON.stringify(sorted) === JSON.stringify([...(media.usedByPublished ?? [])].sort()) &&
    Boolean(media.isPublic) === sorted.length > 0
  )
    return
  // Below the hooks on purpose: this is bookkeeping, not an edit by the user making the request.
  await payload.db.updateOne({
    collection: MEDIA,
    id: media.id,
    data: { usedByPublished: sorted, isPublic: sorted.length > 0 },
    req,
    returning: false,
  })
}

/** Brings the files' entries for one document in line with its stored, published state. */
export async function syncMediaUse(
  req: PayloadRequest,
  config: SanitizedCollectionConfig,
  id: string | number,
) {
  const key = keyOf(config.slug, id)
  const stored = (await req.payload.db.findOne({
    collection: config.slug,
    where: { id: { equals: id } },
    req,
  })) as Record<string, unknown> | null
  const used = isLive(config, stored) ? mediaIdsIn(config.fields, stored) : new Set<string>()
  const { docs } = await req.payload.find({
    collection: MEDIA as CollectionSlug,
    where: {
      or: [{ usedByPublished: { equals: key } }, ...(used.size ? [{ id: { in: [...used] } }] : [])],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { usedByPublished: true, isPublic: true },
    req,
  })
  for (const media of docs as unknown as MediaUse[]) {
    const others = (media.usedByPublished ?? []).filter((use) => use !== key)
    await writeUse(req.payload, req, media, used.has(String(media.id)) ? [...others, key] : others)
  }
}

const afterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  await syncMediaUse(req, collection, doc.id)
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await syncMediaUse(req, collection, doc.id)
  return doc
}

/** The collections whose documents can use files (found from their fields, so none is forgotten). */
export const mediaUsingCollections = (payload: Payload) =>
  payload.config.collections.filter((c) => c.slug !== MEDIA && referencesMedia(c.fields))

/**
 * Recomputes every file's entry from all stored documents: for databases made before files were
 * tracked (the SQLite migration that added tracking, and MongoDB on start-up), and as a check that
 * the hooks kept it right.
 */
export async function recomputeMediaUse(payload: Payload, req?: Partial<PayloadRequest>) {
  const uses = new Map<string, string[]>()
  for (const config of mediaUsingCollections(payload)) {
    const { docs } = await payload.db.find({
      collection: config.slug,
      pagination: false,
      limit: 0,
      select: { ...mediaSelect(config.fields), ...(config.versions ? { _status: true } : {}) },
      req,
    })
    for (const doc of docs as Array<Record<string, unknown> & { id: string | number }>) {
      if (!isLive(config, doc)) continue
      for (const mediaId of mediaIdsIn(config.fields, doc))
        uses.set(mediaId, [...(uses.get(mediaId) ?? []), keyOf(config.slug, doc.id)])
    }
  }
  const { docs } = await payload.find({
    collection: MEDIA as CollectionSlug,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { usedByPublished: true, isPublic: true },
    req,
  })
  for (const media of docs as unknown as MediaUse[])
    await writeUse(payload, req, media, uses.get(String(media.id)) ?? [])
}

const withTracking = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
  },
})

/** Adds the tracking hooks to every collection that can use files. */
export const trackMediaUse: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== MEDIA && referencesMedia(collection.fields)
      ? withTracking(collection)
      : collection,
  ),
})

/** On MongoDB (no migrations), databases made before files were tracked are brought up to date once. */
export async function backfillMediaUse(payload: Payload) {
  const { totalDocs } = await payload.count({
    collection: MEDIA as CollectionSlug,
    where: { isPublic: { exists: false } },
    overrideAccess: true,
  })
  if (totalDocs > 0) await recomputeMediaUse(payload)
}
