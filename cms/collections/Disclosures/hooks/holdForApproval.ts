import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { canApprove } from '../../../access/canApprove.ts'

/**
 * Disclosures need a second person. When a community editor publishes, the save is turned into a
 * draft save marked "submitted for review": the published version (if any) stays as it is, and the
 * new text waits for a street supervisor or admin to publish it.
 */
export const holdForApproval: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (!req.user || canApprove(req.user)) return args
  const data = args.data as Record<string, unknown> | undefined
  if (data?._status !== 'published') return args
  return {
    ...args,
    draft: true,
    data: {
      ...data,
      _status: 'draft',
      review: {
        state: 'submitted',
        submittedBy: req.user.id,
        submittedAt: new Date().toISOString(),
      },
    },
  }
}

/** Records who approved a disclosure when a supervisor or admin publishes it. */
export const recordApproval: CollectionBeforeChangeHook = ({ data, req }) => {
  if (!req.user || data._status !== 'published' || !canApprove(req.user)) return data
  return {
    ...data,
    review: {
      ...(data.review ?? {}),
      state: 'approved',
      approvedBy: req.user.id,
      approvedAt: new Date().toISOString(),
    },
  }
}
