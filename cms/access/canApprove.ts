import type { PayloadRequest } from 'payload'

/** Who may approve (publish) a disclosure: a street supervisor or an admin, never its editor alone. */
export const canApprove = (user: PayloadRequest['user']): boolean => {
  const role = (user as { role?: string } | null | undefined)?.role
  return role === 'admin' || role === 'supervisor'
}
