import type { PayloadRequest } from 'payload'

import type { User } from '../payload-types.ts'

/** The three staff roles. A user has exactly one. */
export type Role = User['role']

export const isAdminUser = (user: Pick<User, 'role'> | null | undefined): boolean =>
  user?.role === 'admin'

export const isAdmin = ({ req }: { req: PayloadRequest }): boolean => isAdminUser(req.user)

export const isLoggedIn = ({ req }: { req: PayloadRequest }): boolean => Boolean(req.user)

export const anyone = (): boolean => true
