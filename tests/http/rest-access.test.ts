import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'

/**
 * Access control over real HTTP against the running CMS: two communities × each role × each
 * content collection × read/create/update/delete, allowed and refused; refusals change nothing.
 * Community A is the demo community 示例居委会 (street 示例街道), B is 漓江山水 (华泾镇).
 */
const COLLECTIONS = ['notices', 'disclosures', 'brand-projects', 'case-studies'] as const
type Collection = (typeof COLLECTIONS)[number]
const ROLES = ['anonymous', 'editorA', 'supervisorA', 'admin'] as const
type Role = (typeof ROLES)[number]
const MAY_WRITE_A: Record<Role, boolean> = {
  anonymous: false,
  editorA: true,
  supervisorA: true,
  admin: true,
}
const MAY_WRITE_B: Record<Role, boolean> = {
  anonymous: false,
  editorA: false,
  supervisorA: false,
  admin: true,
}

let server: CmsServer
let api: ReturnType<typeof restClient>
const sessions = {} as Record<Role, Session>
/** IDs exactly as the API returns them (numbers on SQLite, strings on MongoDB), never interpreted. */
const ids: Record<'communityA' | 'communityB' | 'streetA' | 'source', string | number> = {
  communityA: '',
  communityB: '',
  streetA: '',
  source: '',
}
let serial = 0

const slugFor = (prefix: string) => `http-${prefix}-${(serial += 1)}`
function body(
  collection: Collection,
  community: string | number,
  status: 'draft' | 'published' = 'draft',
) {
  const slug = slugFor(collection)
  const common = { slug, community, _status: status }
  switch (collection) {
    case 'notices':
      return { ...common, title: `HTTP 通知 ${slug}`, kind: 'other' }
    case 'disclosures':
      return { ...common, title: `HTTP 公开 ${slug}`, category: 'other', period: { year: 2026 } }
    case 'brand-projects':
      return { ...common, name: `HTTP 项目 ${slug}` }
    case 'case-studies':
      return {
        ...common,
        title: `HTTP 案例 ${slug}`,
        genre: 'grassroots',
        source: { publication: ids.source },
      }
  }
}
const idOf = async (collection: string, slug: string): Promise<string | number> =>
  (await api.get(sessions.admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)).json
    .docs[0].id

/** What the admin sees of a document, drafts included: the ground truth for "nothing changed". */
const truth = async (collection: string, id: string | number) =>
  (await api.get(sessions.admin, `/api/${collection}/${id}?draft=true&depth=0`)).json

beforeAll(async () => {
  server = await startCmsServer()
  api = restClient(server.url)
  const first = await api.post(anonymous, '/api/users/first-register', {
    email: 'admin@example.test',
    password: 'Admin-pass-12345',
    name: '管理员',
  })
  expect(first.status).toBe(200)
  sessions.anonymous = anonymous
  sessions.admin = await api.login('admin@example.test', 'Admin-pass-12345', 'admin')
  ids.communityA = await idOf('communities', 'shili')
  ids.communityB = await idOf('communities', 'lijiang-shanshui')
  ids.streetA = await idOf('streets', 'shili-jiedao')
  ids.source = await idOf('sources', 'jumin-zizhi-xia')
  for (const [role, extra] of [
    ['editorA', { role: 'editor', communities: [ids.communityA] }],
    ['supervisorA', { role: 'supervisor', streets: [ids.streetA] }],
  ] as const) {
    const email = `${role.toLowerCase()}@example.test`
    const created = await api.post(sessions.admin, '/api/users', {
      email,
      password: 'Staff-pass-12345',
      name: role,
      ...extra,
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    sessions[role] = await api.login(email, 'Staff-pass-12345', role)
  }
})
afterAll(async () => server?.stop())

describe('the first account', () => {
  it('registered on an empty users collection is an admin', async () => {
    const me = await api.get(sessions.admin, '/api/users/me')
    expect(me.json.user.role).toBe('admin')
  })

  it('cannot be registered twice', async () => {
    const again = await api.post(anonymous, '/api/users/first-register', {
      email: 'x@example.test',
      password: 'X-pass-12345',
      name: 'x',
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
  })
})

describe.each(COLLECTIONS)('%s over REST', (collection) => {
  describe.each(ROLES)('as %s', (role) => {
    it(`reads published documents${role === 'anonymous' ? ' only' : ''}; drafts only of its own communities`, async () => {
      const draftA = await api.post(
        sessions.admin,
        `/api/${collection}?draft=true`,
        body(collection, ids.communityA),
      )
      const draftB = await api.post(
        sessions.admin,
        `/api/${collection}?draft=true`,
        body(collection, ids.communityB),
      )
      expect(draftA.status).toBe(201)
      const readA = await api.get(
        sessions[role],
        `/api/${collection}/${draftA.json.doc.id}?draft=true`,
      )
      const readB = await api.get(
        sessions[role],
        `/api/${collection}/${draftB.json.doc.id}?draft=true`,
      )
      expect(readA.status).toBe(MAY_WRITE_A[role] ? 200 : 404)
      expect(readB.status).toBe(MAY_WRITE_B[role] ? 200 : 404)
      const list = await api.get(sessions[role], `/api/${collection}?limit=0&draft=true&depth=0`)
      const listed = new Set(list.json.docs.map((d: { id: unknown }) => String(d.id)))
      expect(listed.has(String(draftB.json.doc.id))).toBe(MAY_WRITE_B[role])
    })

    it.each([
      ['A', () => ids.communityA, MAY_WRITE_A],
      ['B', () => ids.communityB, MAY_WRITE_B],
    ] as const)(
      'creates in community %s only if allowed; a refusal writes nothing',
      async (_label, community, allowed) => {
        const data = body(collection, community())
        const created = await api.post(sessions[role], `/api/${collection}?draft=true`, data)
        if (allowed[role]) {
          expect(created.status, JSON.stringify(created.json)).toBe(201)
        } else {
          expect([401, 403]).toContain(created.status)
          const found = await api.get(
            sessions.admin,
            `/api/${collection}?where[slug][equals]=${data.slug}&draft=true`,
          )
          expect(found.json.totalDocs).toBe(0)
        }
      },
    )

    it.each([
      ['A', () => ids.communityA, MAY_WRITE_A],
      ['B', () => ids.communityB, MAY_WRITE_B],
    ] as const)(
      'updates and deletes in community %s only if allowed; a refusal changes nothing',
      async (_label, community, allowed) => {
        const created = await api.post(
          sessions.admin,
          `/api/${collection}?draft=true`,
          body(collection, community()),
        )
        const id = String(created.json.doc.id)
        const titleField = collection === 'brand-projects' ? 'name' : 'title'
        const update = await api.patch(sessions[role], `/api/${collection}/${id}?draft=true`, {
          [titleField]: '被改过的标题',
        })
        if (allowed[role]) expect(update.status, JSON.stringify(update.json)).toBe(200)
        else {
          expect([401, 403, 404]).toContain(update.status)
          expect((await truth(collection, id))[titleField]).not.toBe('被改过的标题')
        }
        const removal = await api.del(sessions[role], `/api/${collection}/${id}`)
        if (allowed[role]) {
          expect(removal.status).toBe(200)
          expect(
            (await api.get(sessions.admin, `/api/${collection}/${id}?draft=true`)).status,
          ).toBe(404)
        } else {
          expect([401, 403, 404]).toContain(removal.status)
          expect((await truth(collection, id)).id).toBeDefined()
        }
      },
    )
  })

  it('an editor cannot move a document of community A into community B', async () => {
    const created = await api.post(
      sessions.admin,
      `/api/${collection}?draft=true`,
      body(collection, ids.communityA),
    )
    const id = String(created.json.doc.id)
    const moved = await api.patch(sessions.editorA, `/api/${collection}/${id}?draft=true`, {
      community: ids.communityB,
    })
    expect(moved.status).toBe(403)
    expect(String((await truth(collection, id)).community)).toBe(String(ids.communityA))
  })
})

describe('forged GraphQL requests', () => {
  it("an editor's mutation of another community's notice is refused and changes nothing", async () => {
    const created = await api.post(
      sessions.admin,
      '/api/notices?draft=true',
      body('notices', ids.communityB),
    )
    const id = created.json.doc.id
    const result = await api.graphql(
      sessions.editorA,
      `mutation ($id: Int!) { updateNotice(id: $id, data: { title: "伪造的修改" }) { id title } }`,
      { id },
    )
    expect(result.status, JSON.stringify(result.json)).toBe(200)
    expect(result.json.errors?.length).toBeGreaterThan(0)
    expect((await truth('notices', String(id))).title).not.toBe('伪造的修改')
  })

  it("an editor's query does not see another community's drafts", async () => {
    const created = await api.post(
      sessions.admin,
      '/api/notices?draft=true',
      body('notices', ids.communityB),
    )
    const result = await api.graphql(
      sessions.editorA,
      `{ Notices(draft: true, limit: 0) { docs { id } } }`,
    )
    const seen = (result.json.data?.Notices?.docs ?? []).map((d: { id: unknown }) => String(d.id))
    expect(seen).not.toContain(String(created.json.doc.id))
  })
})

describe('users over REST', () => {
  it('an editor cannot raise their own role or widen their communities', async () => {
    const me = (await api.get(sessions.editorA, '/api/users/me')).json.user
    const raise = await api.patch(sessions.editorA, `/api/users/${me.id}`, { role: 'admin' })
    expect(raise.status).toBe(403)
    const widen = await api.patch(sessions.editorA, `/api/users/${me.id}`, {
      communities: [ids.communityA, ids.communityB],
    })
    expect(widen.status).toBe(403)
    const after = (await api.get(sessions.admin, `/api/users/${me.id}?depth=0`)).json
    expect(after.role).toBe('editor')
    expect(after.communities.map(String)).toEqual([String(ids.communityA)])
  })

  it('anonymous visitors cannot list users', async () => {
    expect((await api.get(anonymous, '/api/users')).status).toBe(403)
  })
})
