import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { queueSiteBuild } from '../jobs/buildSite.ts'
import { affectsPublic, leftPublic, type PublicDoc as Doc } from './affectsPublic.ts'

/** In the save's own transaction: the request is stored exactly when the change is. */
async function request(req: PayloadRequest, reason: string) {
  await req.payload.updateGlobal({
    slug: 'site-build',
    data: { requestedAt: new Date().toISOString(), reason, state: 'queued' },
    overrideAccess: true,
    req,
  })
  await queueSiteBuild(req.payload, reason, req)
}

const label = (doc: Doc) => doc?.title ?? doc?.name ?? doc?.filename ?? ''

/**
 * Asks for a rebuild of the public site after a publish, an unpublish or a change to published
 * content. Draft saves do not count, not even over a published document; seeding stands aside (it builds once at the end).
 */
export const queueSiteRebuild: CollectionAfterChangeHook = async (save) => {
  const { collection, context, doc, req } = save
  if (context.seeding) return doc
  if (affectsPublic(doc as Doc) || (await leftPublic(save))) {
    await request(req, `${collection.labels.singular as string}「${label(doc as Doc)}」已更新`)
  }
  return doc
}

export const queueSiteRebuildAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  context,
  doc,
  req,
}) => {
  if (context.seeding) return doc
  if (affectsPublic(doc as Doc))
    await request(req, `${collection.labels.singular as string}「${label(doc as Doc)}」已删除`)
  return doc
}
