import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GRAPHQL_LIMITS } from '../../cms/utilities/graphqlDepthLimit.ts'
import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient } from '../helpers/rest.ts'

/**
 * The CMS server as deployed (`next start`, production mode): the admin and the API send security
 * headers, and GraphQL refuses introspection and queries too large or too deep, while ordinary
 * queries still answer.
 */
let server: CmsServer
let api: ReturnType<typeof restClient>

beforeAll(async () => {
  server = await startCmsServer()
  api = restClient(server.url)
}, 240_000)
afterAll(async () => server?.stop())

describe('security headers of the admin and the API', () => {
  it.each(['/admin', '/admin/login', '/api/notices?limit=1', '/api/media/file/shili-cover.png'])(
    '%s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      expect(response.status).toBeLessThan(500)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'")
      expect(response.headers.get('x-powered-by')).toBeNull()
    },
  )
})

const errorsOf = (json: { errors?: unknown } | null): string => JSON.stringify(json?.errors ?? [])

describe('GraphQL', () => {
  it('answers ordinary queries', async () => {
    const { status, json } = await api.graphql(
      anonymous,
      '{ Notices(limit: 2) { docs { title community { name street { name } } } } }',
    )
    expect(status).toBe(200)
    expect(json.errors).toBeUndefined()
    expect(json.data.Notices.docs).toHaveLength(2)
    expect(json.data.Notices.docs[0].community.name).toBeTruthy()
  })

  it('refuses introspection in production', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Notice") { name } }',
    ]) {
      const { json } = await api.graphql(anonymous, query)
      expect(json.data?.__schema ?? json.data?.__type ?? null).toBeNull()
      expect(errorsOf(json)).toMatch(/introspection is not allowed/)
    }
  })

  const deep = (levels: number) => {
    // disclosure → notice → community → cover → community → … : a chain as long as asked.
    const chain = [
      'relatedNotice',
      'community',
      'cover',
      'community',
      'cover',
      'community',
      'cover',
    ]
    let inner = 'id'
    for (const field of chain.slice(0, levels - 3).reverse()) inner = `${field} { ${inner} }`
    return `{ Disclosures(limit: 1) { docs { ${inner} } } }`
  }

  it(`refuses queries nested deeper than ${GRAPHQL_LIMITS.depth} levels, also through fragments`, async () => {
    const accepted = await api.graphql(anonymous, deep(GRAPHQL_LIMITS.depth))
    expect(accepted.json.errors, errorsOf(accepted.json)).toBeUndefined()
    const refused = await api.graphql(anonymous, deep(GRAPHQL_LIMITS.depth + 1))
    expect(refused.json.data ?? null).toBeNull()
    expect(errorsOf(refused.json)).toMatch(/查询嵌套过深：最多 8 层，这个查询有 9 层/)
    const fragments = await api.graphql(
      anonymous,
      `fragment C on Community { cover { community { cover { community { cover { id } } } } } }
       { Disclosures(limit: 1) { docs { relatedNotice { community { ...C } } } } }`,
    )
    expect(errorsOf(fragments.json)).toMatch(/查询嵌套过深/)
  })

  it(`refuses queries asking for more than ${GRAPHQL_LIMITS.complexity} fields (aliases count)`, async () => {
    const fields = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: Notices(limit: 1) { totalDocs }`).join(' ')
    const small = await api.graphql(anonymous, `{ ${fields(10)} }`)
    expect(small.json.errors, errorsOf(small.json)).toBeUndefined()
    const large = await api.graphql(anonymous, `{ ${fields(GRAPHQL_LIMITS.complexity)} }`)
    expect(large.status).toBeLessThan(500)
    expect(large.json.data ?? null).toBeNull()
    expect(errorsOf(large.json)).toMatch(/complexity/i)
  })

  it('refuses a malformed value in a where, with the reason, as REST does', async () => {
    const { json } = await api.graphql(
      anonymous,
      '{ Notices(where: { community: { equals: "../../etc/passwd" } }) { totalDocs } }',
    )
    expect(json.data?.Notices ?? null).toBeNull()
    expect(errorsOf(json)).toMatch(/where\[community\]\[equals\] 需要ID/)
  })
})
