import type { PayloadRequest } from 'payload'

/** Who may approve (publish) a disclosure: a street supervisor or an admin, never its editor alone. */
export const canApprove = (user: PayloadRequest['user']): boolean =>
  user?.role === 'admin' || user?.role === 'supervisor'
