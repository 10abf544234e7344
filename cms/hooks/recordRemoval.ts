import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { affectsPublic, leftPublic, type PublicDoc } from './affectsPublic.ts'

async function record(req: PayloadRequest, collection: string, id: string | number) {
  await req.payload.create({
    collection: 'site-removals',
    data: { ofCollection: collection, docId: String(id) },
    overrideAccess: true,
    req,
  })
}

/**
 * Notes that a document the public could see no longer can (unpublished, or deleted), so the next
 * site build takes its pages away without reading every document (collections/SiteRemovals).
 */
export const recordUnpublish: CollectionAfterChangeHook = async (save) => {
  const { collection, context, doc, req } = save
  if (!context.seeding && (await leftPublic(save))) await record(req, collection.slug, doc.id)
  return doc
}

export const recordDeletion: CollectionAfterDeleteHook = async ({
  collection,
  context,
  doc,
  req,
}) => {
  if (context.seeding) return doc
  if (affectsPublic(doc as PublicDoc)) await record(req, collection.slug, doc.id)
  return doc
}
