import type { PayloadRequest } from 'payload'

/** The three staff roles. A user has exactly one. */
export const ROLES = ['admin', 'supervisor', 'editor'] as const
export type Role = (typeof ROLES)[number]

type UserLike = { role?: Role | null } | null | undefined

export const isAdminUser = (user: UserLike): boolean => user?.role === 'admin'

export const isAdmin = ({ req }: { req: PayloadRequest }): boolean =>
  isAdminUser(req.user as UserLike)

export const isLoggedIn = ({ req }: { req: PayloadRequest }): boolean => Boolean(req.user)

export const anyone = (): boolean => true
