export type PublicDoc =
  { _status?: string; title?: string; name?: string; filename?: string } | undefined

/** Documents without drafts are always public; others only when published. */
export const affectsPublic = (doc: PublicDoc) =>
  doc !== undefined &&
  Object.keys(doc).length > 0 &&
  (doc._status === undefined || doc._status === 'published')
