import { APIError, type CollectionBeforeOperationHook, type CollectionSlug } from 'payload'

import { isAdminUser } from '../access/roles.ts'
import type { Ref } from '../utilities/idOf.ts'

/** IDs arrive as numbers, strings or populated objects depending on the caller: compare them as strings. */
const normalise = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: Ref) =>
    typeof v === 'number' ? String(v) : v && typeof v === 'object' && 'id' in v ? String(v.id) : v,
  )

/**
 * Refuses (403) a non-admin write that sets or changes any of `fields`, instead of letting field
 * access silently drop the value: staff learn why their change did not take. Runs before the
 * operation, while the request data is still as sent.
 */
export const assertAdminOnlyFields =
  (fields: string[]): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    if (!req.user || isAdminUser(req.user)) return args
    const data = (args.data ?? {}) as Record<string, unknown>
    const sent = fields.filter((field) => field in data)
    if (sent.length === 0) return args
    const id = (args as { id?: string | number }).id
    let original: Record<string, unknown> = {}
    if (operation === 'update' && id !== undefined) {
      original = (await req.payload.findByID({
        collection: collection.slug as CollectionSlug,
        id,
        depth: 0,
        draft: true,
        overrideAccess: true,
        disableErrors: true,
        req,
      })) as unknown as Record<string, unknown>
    }
    const changed = sent.filter((field) => normalise(data[field]) !== normalise(original?.[field]))
    if (changed.length > 0) {
      throw new APIError(
        `无权修改以下字段，请联系系统管理员：${changed.join('、')}`,
        403,
        undefined,
        true,
      )
    }
    return args
  }
