import { APIError, type CollectionBeforeValidateHook } from 'payload'

import { getUserCommunityIds } from '../access/getUserCommunityIds.ts'
import { idOf, type Ref } from '../utilities/idOf.ts'

/**
 * Non-admin staff may only write documents that belong to one of their communities, and may not
 * move a document to another community. Runs on every write by a logged-in user, before field
 * validation, so a forged write is refused as such (403) rather than as an invalid choice; seeding
 * and other server-side work without a user are not affected.
 */
export const assertCommunityAllowed =
  (field = 'community'): CollectionBeforeValidateHook =>
  async ({ data, originalDoc, req }) => {
    if (!req.user) return data
    const ids = await getUserCommunityIds(req)
    if (ids === 'all') return data
    const value = field === 'id' ? originalDoc?.id : (data?.[field] ?? originalDoc?.[field])
    const target = idOf(value as Ref)
    if (!target || !ids.includes(target)) {
      throw new APIError(
        `无权操作：只能编辑本人负责的居委会的内容（${field}）。`,
        403,
        undefined,
        true,
      )
    }
    return data
  }
