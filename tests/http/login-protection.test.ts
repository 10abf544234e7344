import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient } from '../helpers/rest.ts'

/**
 * Login protection as configured by environment: lockout after repeated failures, token expiry,
 * and the login cookie honoured only from the site's own origin (CSRF).
 */
let server: CmsServer
let api: ReturnType<typeof restClient>
const ADMIN = { email: 'admin@example.test', password: 'Admin-pass-12345', name: '管理员' }

beforeAll(async () => {
  server = await startCmsServer({
    AUTH_MAX_LOGIN_ATTEMPTS: '3',
    AUTH_LOCK_MINUTES: '10',
    AUTH_TOKEN_EXPIRATION_SECONDS: '3',
  })
  api = restClient(server.url)
  expect((await api.post(anonymous, '/api/users/first-register', ADMIN)).status).toBe(200)
})
afterAll(async () => server?.stop())

describe('logging in', () => {
  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    const session = await api.login(ADMIN.email, ADMIN.password)
    const email = 'locked@example.test'
    await api.post(session, '/api/users', {
      email,
      password: 'Right-pass-12345',
      name: '被锁定',
      role: 'editor',
    })
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await api.post(anonymous, '/api/users/login', { email, password: 'wrong' })).status,
      ).toBe(401)
    }
    const locked = await api.post(anonymous, '/api/users/login', {
      email,
      password: 'Right-pass-12345',
    })
    expect(locked.status).not.toBe(200)
    expect(locked.json?.token).toBeUndefined()
  })

  it('a token stops working once it expires', async () => {
    const session = await api.login(ADMIN.email, ADMIN.password)
    expect((await api.get(session, '/api/users/me')).json.user?.email).toBe(ADMIN.email)
    await new Promise((resolve) => setTimeout(resolve, 4500))
    expect((await api.get(session, '/api/users/me')).json.user).toBeNull()
  })
})

describe('the login cookie', () => {
  async function cookieLogin() {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    return cookie.split(';')[0]
  }

  const whoAmI = async (cookie: string, origin: string) => {
    const response = await fetch(`${server.url}/api/users/me`, { headers: { cookie, origin } })
    return ((await response.json()) as { user: { email: string } | null }).user?.email ?? null
  }

  it('is honoured from the site itself and ignored from another origin (CSRF)', async () => {
    const cookie = await cookieLogin()
    expect(await whoAmI(cookie, server.url)).toBe(ADMIN.email)
    expect(await whoAmI(cookie, 'http://evil.example')).toBeNull()
  })
})
