import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

type Doc = { _status?: string; title?: string; name?: string; filename?: string } | undefined

/** Documents without drafts are always public; others only when published. */
const affectsPublic = (doc: Doc) =>
  doc !== undefined &&
  Object.keys(doc).length > 0 &&
  (doc._status === undefined || doc._status === 'published')

async function request(req: PayloadRequest, reason: string) {
  await req.payload.updateGlobal({
    slug: 'site-build',
    data: { requestedAt: new Date().toISOString(), reason, state: 'queued' },
    overrideAccess: true,
    req,
  })
}

const label = (doc: Doc) => doc?.title ?? doc?.name ?? doc?.filename ?? ''

/**
 * Asks for a rebuild of the public site after a publish, an unpublish or a change to published
 * content. Draft saves do not count; seeding stands aside (it builds once at the end).
 */
export const queueSiteRebuild: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (context.seeding) return doc
  if (affectsPublic(doc as Doc) || (operation === 'update' && affectsPublic(previousDoc as Doc))) {
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
