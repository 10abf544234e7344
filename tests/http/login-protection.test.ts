import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient } from '../helpers/rest.ts'

/**
 * Login protection as configured by environment: lockout after repeated failures, per-address limits
 * on failed logins and reset requests (addresses as a reverse proxy would report them, in
 * X-Forwarded-For), token expiry, and the login cookie honoured only from the site's own origin (CSRF).
 */
let server: CmsServer
let api: ReturnType<typeof restClient>
const ADMIN = { email: 'admin@example.test', password: 'Admin-pass-12345', name: '管理员' }

beforeAll(async () => {
  server = await startCmsServer({
    AUTH_MAX_LOGIN_ATTEMPTS: '3',
    AUTH_LOCK_MINUTES: '10',
    AUTH_TOKEN_EXPIRATION_SECONDS: '3',
    LOGIN_RATE_LIMIT: '6',
    PASSWORD_RESET_RATE_LIMIT: '2',
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

describe('per-address limits', () => {
  const from = (address: string) => ({ 'x-forwarded-for': address })
  const login = (address: string, email: string, password: string) =>
    api.call(anonymous, 'POST', '/api/users/login', { email, password }, from(address))
  const staff = async (email: string) => {
    const session = await api.login(ADMIN.email, ADMIN.password)
    const created = await api.post(session, '/api/users', {
      email,
      password: 'Right-pass-12345',
      name: email,
      role: 'editor',
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
  }

  it('locking one account does not lock another, even from the same address', async () => {
    await staff('first@example.test')
    await staff('second@example.test')
    for (let i = 0; i < 3; i += 1)
      expect((await login('198.51.100.1', 'first@example.test', 'wrong')).status).toBe(401)
    expect((await login('198.51.100.1', 'first@example.test', 'Right-pass-12345')).status).not.toBe(
      200,
    )
    const other = await login('198.51.100.1', 'second@example.test', 'Right-pass-12345')
    expect(other.status, JSON.stringify(other.json)).toBe(200)
    expect(other.json.token).toBeTruthy()
  })

  it('an address that fails too often is refused for every account, other addresses are not', async () => {
    for (let i = 0; i < 6; i += 1)
      expect((await login('198.51.100.2', `nobody-${i}@example.test`, 'guess')).status).toBe(401)
    const refused = await login('198.51.100.2', ADMIN.email, ADMIN.password)
    expect(refused.status).toBe(429)
    expect(refused.json.errors[0].message).toMatch(/登录失败的次数过多，请 \d+ 分钟后再试/)
    expect(refused.json.token).toBeUndefined()
    // GraphQL's login runs the same operation and meets the same limit.
    const graphql = await api.call(
      anonymous,
      'POST',
      '/api/graphql',
      {
        query:
          'mutation ($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }',
        variables: { e: ADMIN.email, p: ADMIN.password },
      },
      from('198.51.100.2'),
    )
    expect(graphql.json.data?.loginUser?.token ?? null).toBeNull()
    expect(JSON.stringify(graphql.json.errors)).toMatch(/次数过多/)
    expect((await login('198.51.100.3', ADMIN.email, ADMIN.password)).status).toBe(200)
  })

  it('successful logins do not count against an address', async () => {
    for (let i = 0; i < 10; i += 1)
      expect((await login('198.51.100.4', ADMIN.email, ADMIN.password)).status).toBe(200)
  })

  it('password-reset requests are limited per address', { timeout: 240_000 }, async () => {
    const ask = (address: string) =>
      api.call(
        anonymous,
        'POST',
        '/api/users/forgot-password',
        { email: 'second@example.test' },
        from(address),
      )
    // Within the limit a request is not refused by it (what it answers is not this test's concern).
    expect((await ask('198.51.100.5')).status).not.toBe(429)
    expect((await ask('198.51.100.5')).status).not.toBe(429)
    const refused = await ask('198.51.100.5')
    expect(refused.status).toBe(429)
    expect(refused.json.errors[0].message).toMatch(/申请重设密码的次数过多/)
    expect((await ask('198.51.100.6')).status).not.toBe(429)
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
