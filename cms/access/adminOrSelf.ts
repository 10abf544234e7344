import type { Access } from 'payload'

import { isAdminUser } from './roles.ts'

/** Users: admins manage everyone; other staff only their own record. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  return { id: { equals: req.user.id } }
}
