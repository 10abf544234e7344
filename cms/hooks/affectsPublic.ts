import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  RequestContext,
} from 'payload'

export type PublicDoc =
  { _status?: string; title?: string; name?: string; filename?: string } | undefined

/** Documents without drafts are always public; others only when published. */
export const affectsPublic = (doc: PublicDoc) =>
  doc !== undefined &&
  doc !== null &&
  Object.keys(doc).length > 0 &&
  (doc._status === undefined || doc._status === 'published')

/**
 * Whether the document as stored in its collection, which is what the public reads, is public. Hooks
 * cannot go by `doc` and `previousDoc`: they are the newest versions, so a draft saved over a
 * published document arrives as a draft although the public still sees the published one, and a
 * document with a newer draft arrives as that draft although it is published.
 */
async function storedIsPublic(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
) {
  const stored = await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    req,
  })
  return affectsPublic((stored ?? undefined) as PublicDoc)
}

const beforeKey = (collection: string, id: unknown) => `publicBefore:${collection}:${String(id)}`

/** Notes, before an update, whether the public could see the document (for `leftPublic`). */
export const notePublicBefore: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id != null)
    context[beforeKey(collection.slug, originalDoc.id)] = await storedIsPublic(
      req,
      collection.slug,
      originalDoc.id,
    )
  return data
}

type Save = Pick<
  Parameters<CollectionAfterChangeHook>[0],
  'collection' | 'doc' | 'operation' | 'req'
> & { context: RequestContext }

/** Whether an update took the document off the public site (unpublished it). */
export async function leftPublic({ collection, context, doc, operation, req }: Save) {
  if (operation !== 'update' || context[beforeKey(collection.slug, doc.id)] !== true) return false
  return !(await storedIsPublic(req, collection.slug, doc.id))
}
