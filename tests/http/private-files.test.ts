import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'

/**
 * A file is public only while a published document uses it; its own community's staff (and the
 * supervisors and admins above them) see it always. Checked over real HTTP for every field that can
 * use a file (upload fields and rich text, in every collection that has them) through every way a
 * client can reach it: the REST list and read, the file route and its resized variant, GraphQL.
 * Each use goes through draft → published → a newer draft swapping the file → that draft published
 * → unpublished → published again → deleted. Community A is the demo community 示例居委会.
 */
const VIEWERS = ['anonymous', 'editorB', 'editorA', 'supervisorA', 'admin'] as const
type Viewer = (typeof VIEWERS)[number]
/** Who sees a community-A file that no published document uses. */
const SEES_PRIVATE: Record<Viewer, boolean> = {
  anonymous: false,
  editorB: false,
  editorA: true,
  supervisorA: true,
  admin: true,
}

type Media = { id: string | number; filename: string; sizes: { thumbnail: { filename: string } } }
type Id = string | number

let server: CmsServer
let api: ReturnType<typeof restClient>
const sessions = {} as Record<Viewer, Session>
const ids = {} as Record<'communityA' | 'communityB' | 'streetA' | 'districtA' | 'source', Id>
let serial = 0
const next = () => (serial += 1)

/** A distinct real PNG (its own colour), large enough for the 400 px thumbnail. */
const png = async () =>
  sharp({
    create: {
      width: 480,
      height: 320,
      channels: 3,
      background: { r: (next() * 37) % 256, g: (serial * 91) % 256, b: (serial * 53) % 256 },
    },
  })
    .png()
    .toBuffer()

async function upload(
  session: Session = sessions.editorA,
  community: Id | null = ids.communityA,
): Promise<Media> {
  const response = await api.upload(
    session,
    '/api/media',
    { name: `privat-${next()}.png`, type: 'image/png', data: await png() },
    { alt: '测试图片', ...(community === null ? {} : { community }) },
  )
  expect(response.status, JSON.stringify(response.json)).toBe(201)
  return response.json.doc
}

const richText = (media: Id) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: null,
    children: [
      { type: 'upload', version: 3, format: '', fields: null, relationTo: 'media', value: media },
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: null,
        textFormat: 0,
        textStyle: '',
        children: [
          {
            type: 'text',
            text: '见上图。',
            detail: 0,
            format: 0,
            mode: 'normal',
            style: '',
            version: 1,
          },
        ],
      },
    ],
  },
})

/** What each viewer gets for one file, by every route; true where it is served in full. */
async function visibility(media: Media): Promise<Record<Viewer, boolean[]>> {
  const result = {} as Record<Viewer, boolean[]>
  for (const viewer of VIEWERS) {
    const session = sessions[viewer]
    const read = await api.get(session, `/api/media/${media.id}?depth=0`)
    const list = await api.get(session, `/api/media?where[id][equals]=${media.id}&depth=0`)
    const file = await api.get(session, `/api/media/file/${encodeURIComponent(media.filename)}`)
    const thumb = await api.get(
      session,
      `/api/media/file/${encodeURIComponent(media.sizes.thumbnail.filename)}`,
    )
    const graph = await api.graphql(
      session,
      'query ($id: Int!, $where: Media_where) { Media(id: $id) { id } allMedia(where: $where) { docs { id } } }',
      { id: Number(media.id), where: { id: { equals: Number(media.id) } } },
    )
    const views = [
      read.status === 200 && String(read.json?.id) === String(media.id),
      list.status === 200 && list.json?.docs?.length === 1,
      file.status === 200 && file.headers.get('content-type') === 'image/png',
      thumb.status === 200 && thumb.headers.get('content-type') === 'image/webp',
      graph.json?.data?.Media?.id != null,
      graph.json?.data?.allMedia?.docs?.length === 1,
    ]
    // Refusals are refusals, never server errors.
    for (const response of [read, list, file, thumb, graph])
      expect(response.status, `${viewer}: ${JSON.stringify(response.json)}`).toBeLessThan(500)
    result[viewer] = views
  }
  return result
}

/** Every viewer sees the file by every route (public), or only community A's staff do (private). */
async function expectFile(media: Media, state: 'public' | 'private') {
  const seen = await visibility(media)
  const expected = Object.fromEntries(
    VIEWERS.map((viewer) => [
      viewer,
      Array(6).fill(state === 'public' || SEES_PRIVATE[viewer]) as boolean[],
    ]),
  )
  expect(seen, `${media.filename} should be ${state}`).toEqual(expected)
}

type Use = {
  collection: string
  field: string
  /** The fields that make a document use `media`. */
  uses: (media: Id) => Record<string, unknown>
  /** Who writes and publishes: the community's own editor, except where only others may. */
  writer: () => Session
  publisher: () => Session
  base: () => Record<string, unknown>
  /** What publishing a change to a published document also needs (a disclosure's 更正说明). */
  change?: Record<string, unknown>
}

const editor = () => sessions.editorA
const notice = () => ({ title: `文件测试通知 ${next()}`, community: ids.communityA, kind: 'other' })
const disclosure = () => ({
  title: `文件测试公开 ${next()}`,
  community: ids.communityA,
  category: 'other',
  period: { year: 2026 },
})
const community = () => ({
  name: `文件测试居委会 ${next()}`,
  kind: 'residents-committee',
  street: ids.streetA,
  district: ids.districtA,
})
const project = () => ({ name: `文件测试项目 ${next()}`, community: ids.communityA })
const caseStudy = () => ({
  title: `文件测试案例 ${next()}`,
  community: ids.communityA,
  genre: 'grassroots',
  source: { publication: ids.source },
})

const USES: Use[] = [
  {
    collection: 'notices',
    field: 'attachments',
    uses: (m) => ({ attachments: [m] }),
    writer: editor,
    publisher: editor,
    base: notice,
  },
  {
    collection: 'notices',
    field: 'body (rich text)',
    uses: (m) => ({ body: richText(m) }),
    writer: editor,
    publisher: editor,
    base: notice,
  },
  {
    collection: 'disclosures',
    field: 'attachments',
    uses: (m) => ({ attachments: [m] }),
    writer: editor,
    publisher: () => sessions.supervisorA,
    base: disclosure,
    change: { changeNote: '更换了附件。' },
  },
  {
    collection: 'disclosures',
    field: 'body (rich text)',
    uses: (m) => ({ body: richText(m) }),
    writer: editor,
    publisher: () => sessions.supervisorA,
    base: disclosure,
    change: { changeNote: '更换了附件。' },
  },
  {
    collection: 'communities',
    field: 'cover',
    uses: (m) => ({ cover: m }),
    writer: () => sessions.admin,
    publisher: () => sessions.admin,
    base: community,
  },
  {
    collection: 'communities',
    field: 'introduction (rich text)',
    uses: (m) => ({ introduction: richText(m) }),
    writer: () => sessions.admin,
    publisher: () => sessions.admin,
    base: community,
  },
  {
    collection: 'brand-projects',
    field: 'body (rich text)',
    uses: (m) => ({ body: richText(m) }),
    writer: editor,
    publisher: editor,
    base: project,
  },
  {
    collection: 'case-studies',
    field: 'sections.background (rich text)',
    uses: (m) => ({ sections: { background: richText(m) } }),
    writer: editor,
    publisher: editor,
    base: caseStudy,
  },
]

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
  const idOf = async (collection: string, slug: string) =>
    (await api.get(sessions.admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)).json
      .docs[0].id as Id
  ids.communityA = await idOf('communities', 'shili')
  ids.communityB = await idOf('communities', 'lijiang-shanshui')
  ids.streetA = await idOf('streets', 'shili-jiedao')
  ids.districtA = (
    await api.get(sessions.admin, `/api/communities/${ids.communityA}?depth=0`)
  ).json.district
  ids.source = await idOf('sources', 'jumin-zizhi-xia')
  for (const [role, extra] of [
    ['editorA', { role: 'editor', communities: [ids.communityA] }],
    ['editorB', { role: 'editor', communities: [ids.communityB] }],
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
}, 240_000)
afterAll(async () => server?.stop())

describe('a file nobody has published', () => {
  it('is seen by its community’s staff and those above them, by nobody else', async () => {
    await expectFile(await upload(), 'private')
  })

  it('a shared file (no community) is seen by all staff, not by the public', async () => {
    const shared = await upload(sessions.admin, null)
    const seen = await visibility(shared)
    expect(seen.anonymous.some(Boolean)).toBe(false)
    for (const viewer of ['editorA', 'editorB', 'supervisorA', 'admin'] as const)
      expect(seen[viewer].every(Boolean), viewer).toBe(true)
  })

  it('cannot be made public by writing its flag', async () => {
    const media = await upload()
    const forged = await api.patch(sessions.editorA, `/api/media/${media.id}`, {
      isPublic: true,
      usedByPublished: ['notices:1'],
    })
    expect(forged.status).toBeLessThan(500)
    await expectFile(media, 'private')
  })

  it('a file name nobody uploaded is refused, not looked for on disk', async () => {
    for (const viewer of VIEWERS) {
      const response = await api.get(sessions[viewer], '/api/media/file/no-such-file.png')
      expect(response.status, viewer).toBe(403)
    }
  })
})

describe.each(USES)('$collection: $field', (use) => {
  it('makes a file public exactly while a published document uses it', async () => {
    const [first, second] = [await upload(), await upload()]
    const path = `/api/${use.collection}`

    const draft = await api.post(use.writer(), `${path}?draft=true`, {
      ...use.base(),
      ...use.uses(first.id),
      _status: 'draft',
    })
    expect(draft.status, JSON.stringify(draft.json)).toBe(201)
    const id = draft.json.doc.id as Id
    await expectFile(first, 'private')

    if (use.publisher() !== use.writer()) {
      // An editor's publish of a disclosure only submits it for review.
      const submitted = await api.patch(use.writer(), `${path}/${id}`, { _status: 'published' })
      expect(submitted.status, JSON.stringify(submitted.json)).toBe(200)
      expect((await api.get(anonymous, `${path}/${id}`)).status).toBe(404)
      await expectFile(first, 'private')
    }
    const published = await api.patch(use.publisher(), `${path}/${id}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    await expectFile(first, 'public')

    // A newer draft that swaps the file: the public still sees the published version and its file.
    const swapDraft = await api.patch(use.writer(), `${path}/${id}?draft=true`, {
      ...use.uses(second.id),
      _status: 'draft',
    })
    expect(swapDraft.status, JSON.stringify(swapDraft.json)).toBe(200)
    await expectFile(first, 'public')
    await expectFile(second, 'private')

    const swapped = await api.patch(use.publisher(), `${path}/${id}`, {
      ...use.change,
      _status: 'published',
    })
    expect(swapped.status, JSON.stringify(swapped.json)).toBe(200)
    await expectFile(first, 'private')
    await expectFile(second, 'public')

    const unpublished = await api.patch(use.publisher(), `${path}/${id}`, { _status: 'draft' })
    expect(unpublished.status, JSON.stringify(unpublished.json)).toBe(200)
    await expectFile(second, 'private')

    const again = await api.patch(use.publisher(), `${path}/${id}`, {
      ...use.change,
      _status: 'published',
    })
    expect(again.status, JSON.stringify(again.json)).toBe(200)
    await expectFile(second, 'public')
    const deleted = await api.del(sessions.admin, `${path}/${id}`)
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(200)
    await expectFile(second, 'private')
  })
})

describe('files used more than once', () => {
  it('stay public until the last published document stops using them', async () => {
    const media = await upload()
    const make = async () => {
      const created = await api.post(sessions.editorA, '/api/notices', {
        ...notice(),
        attachments: [media.id],
        _status: 'published',
      })
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      return created.json.doc.id as Id
    }
    const [one, two] = [await make(), await make()]
    await expectFile(media, 'public')
    await api.patch(sessions.editorA, `/api/notices/${one}`, { _status: 'draft' })
    await expectFile(media, 'public')
    await api.patch(sessions.editorA, `/api/notices/${two}`, { attachments: [] })
    await expectFile(media, 'private')
  })

  it('a published file whose upload is replaced serves the new file only', async () => {
    const media = await upload()
    const created = await api.post(sessions.editorA, '/api/notices', {
      ...notice(),
      attachments: [media.id],
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const replaced = await api.upload(
      sessions.editorA,
      `/api/media/${media.id}`,
      { name: `ersatz-${next()}.png`, type: 'image/png', data: await png() },
      {},
      'PATCH',
    )
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200)
    const fresh = replaced.json.doc as Media
    expect(fresh.filename).not.toBe(media.filename)
    await expectFile(fresh, 'public')
    for (const viewer of VIEWERS) {
      for (const name of [media.filename, media.sizes.thumbnail.filename]) {
        const old = await api.get(sessions[viewer], `/api/media/file/${encodeURIComponent(name)}`)
        expect(old.status, `${viewer} ${name}`).toBe(403)
      }
    }
  })
})
