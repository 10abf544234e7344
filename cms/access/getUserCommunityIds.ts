import type { PayloadRequest } from 'payload'

import { isAdminUser } from './roles.ts'
import { idOf } from '../utilities/idOf.ts'

const CACHE_KEY = 'userCommunityIds'

/**
 * The communities the current user may edit, as string IDs, or 'all' for an admin.
 *
 * Editors: the communities on their user record. Street supervisors: every community of their
 * streets, looked up once per request (cached on req.context) so access rules stay cheap.
 * Every community-scoped access rule and hook goes through here, so the rule lives in one place.
 */
export async function getUserCommunityIds(req: PayloadRequest): Promise<'all' | string[]> {
  const { user } = req
  if (!user) return []
  if (isAdminUser(user)) return 'all'

  const cached = req.context?.[CACHE_KEY] as string[] | undefined
  if (cached) return cached

  let ids: string[] = []
  if (user.role === 'editor') {
    ids = (user.communities ?? []).map(idOf).filter((id) => id !== null)
  } else if (user.role === 'supervisor') {
    const streets = (user.streets ?? []).map(idOf).filter((id) => id !== null)
    if (streets.length > 0) {
      const { docs } = await req.payload.find({
        collection: 'communities',
        where: { street: { in: streets } },
        depth: 0,
        pagination: false,
        draft: true,
        select: {},
        overrideAccess: true,
        req,
      })
      ids = docs.map((doc) => String(doc.id))
    }
  }
  if (req.context) req.context[CACHE_KEY] = ids
  return ids
}
