import type { Access, Where } from 'payload'

import { getUserCommunityIds } from './getUserCommunityIds.ts'

const inPublicUse: Where = { isPublic: { equals: true } }

/**
 * Read rule of uploaded files, and so of the file route and its resized variants too (Payload
 * looks the file name up with this query). The public sees a file only while a published document
 * uses it (`isPublic`, kept by hooks/trackMediaUse.ts); staff also see their communities' files and
 * shared ones (no community), which the admin's pickers offer. Always a query, even for admins, so a
 * file name nobody uploaded is refused like a private one rather than looked for on disk.
 */
export const publicOrOwnMedia: Access = async ({ req }) => {
  if (!req.user) return inPublicUse
  const ids = await getUserCommunityIds(req)
  if (ids === 'all') return { id: { exists: true } }
  return { or: [inPublicUse, { community: { in: ids } }, { community: { exists: false } }] }
}
