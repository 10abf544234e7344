import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

export type TestUser = Record<string, unknown> & {
  id: string | number
  collection: 'users'
  email: string
  password: string
}

/** Local API options that act as `user` (or as an anonymous visitor), with access control applied. */
export const as = (user: TestUser | undefined) => ({ user: user as never, overrideAccess: false })

/** A real staff account (stored in the database), usable as `user` in Local API calls. */
export async function createUser(
  payload: Payload,
  data: {
    role: 'admin' | 'supervisor' | 'editor'
    communities?: Array<string | number>
    streets?: Array<string | number>
  },
): Promise<TestUser> {
  const email = `${data.role}-${randomBytes(4).toString('hex')}@example.test`
  const password = randomBytes(12).toString('hex')
  const doc = await payload.create({
    collection: 'users',
    data: { name: `测试${data.role}`, email, password, ...data } as never,
    overrideAccess: true,
  })
  return {
    ...(doc as unknown as Record<string, unknown> & { id: string | number }),
    collection: 'users',
    email,
    password,
  }
}
