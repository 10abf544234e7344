import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSiteInto } from '../helpers/buildSiteInto.ts'
import { ensureBuiltSite, pageFile } from '../helpers/builtSite.ts'
import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { repoRoot } from '../helpers/paths.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'
import { startS3Server, type S3Server } from '../helpers/s3Server.ts'
import { pdf } from '../helpers/testFiles.ts'

/**
 * Uploads in an S3-compatible bucket (cms/storage.ts), for real over HTTP: a local S3 server
 * (s3rver) on loopback, the production CMS server pointed at it by the S3_* variables, and the real
 * site build reading the same bucket. Files and their resized variants live only in the bucket;
 * they are read back through Payload's file route, under the media read rule; replacing and
 * deleting a file removes its objects; a site built from the bucket carries the images.
 */

type MediaDoc = {
  id: string | number
  filename: string
  mimeType: string
  url: string
  sizes: Record<string, { filename: string | null; url: string | null }>
}

let s3: S3Server
let server: CmsServer
let api: ReturnType<typeof restClient>
let mediaDir: string
let admin: Session
let editorB: Session
const communities = { a: '' as string | number, b: '' as string | number }
let serial = 0

const key = (filename: string) => `${s3.prefix}/${filename}`
const variants = (doc: MediaDoc) =>
  Object.values(doc.sizes ?? {})
    .map((size) => size.filename)
    .filter((name): name is string => Boolean(name))
    .sort()

const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .composite([
      {
        input: {
          create: { width: width >> 2, height: height >> 2, channels: 3, background: '#fff' },
        },
        left: 16,
        top: 16,
      },
    ])
    .png()
    .toBuffer()

async function upload(
  data: Buffer,
  ext: 'png' | 'pdf',
  fields: Record<string, unknown> = {},
): Promise<MediaDoc> {
  const type = ext === 'png' ? 'image/png' : 'application/pdf'
  const name = `s3-test-${(serial += 1)}.${ext}`
  const alt = ext === 'png' ? { alt: '测试图片：对象存储' } : {}
  const response = await api.upload(
    admin,
    '/api/media',
    { name, type, data },
    { ...alt, community: communities.a, ...fields },
  )
  expect(response.status, JSON.stringify(response.json)).toBe(201)
  return response.json.doc
}

/** A GET of one of the CMS's URLs (absolute or not) as `session`, with the body as bytes. */
async function fetchFile(session: Session, url: string) {
  const response = await fetch(new URL(url, server.url), {
    headers: session.token ? { authorization: `JWT ${session.token}` } : {},
  })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

beforeAll(async () => {
  s3 = await startS3Server()
  server = await startCmsServer(s3.env)
  api = restClient(server.url)
  // The corpus database comes with its files on disk: they go into the bucket as an operator moving
  // to object storage copies MEDIA_DIR there (README), and then the folder goes, so that nothing
  // below can be served or built from disk.
  mediaDir = path.join(server.dataDir, 'media')
  for (const name of readdirSync(mediaDir)) {
    const type = name.endsWith('.webp') ? 'image/webp' : 'image/png'
    await s3.put(key(name), readFileSync(path.join(mediaDir, name)), type)
  }
  rmSync(mediaDir, { recursive: true, force: true })

  const first = await api.post(anonymous, '/api/users/first-register', {
    email: 'admin@example.test',
    password: 'Admin-pass-12345',
    name: '管理员',
  })
  expect(first.status).toBe(200)
  admin = await api.login('admin@example.test', 'Admin-pass-12345', 'admin')
  const idOf = async (slug: string) =>
    (await api.get(admin, `/api/communities?where[slug][equals]=${slug}&depth=0`)).json.docs[0].id
  communities.a = await idOf('shili')
  communities.b = await idOf('lijiang-shanshui')
  const created = await api.post(admin, '/api/users', {
    email: 'editor-b@example.test',
    password: 'Staff-pass-12345',
    name: '编辑乙',
    role: 'editor',
    communities: [communities.b],
  })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  editorB = await api.login('editor-b@example.test', 'Staff-pass-12345', 'editorB')
})

afterAll(async () => {
  await server?.stop()
  await s3?.stop()
})

describe('an uploaded image', () => {
  let image: Buffer
  let doc: MediaDoc

  beforeAll(async () => {
    image = await png(1800, 1200, '#2878c8')
    doc = await upload(image, 'png')
  })

  it('is stored in the bucket with its thumbnail, card and large variants, and not on disk', async () => {
    expect(Object.keys(doc.sizes).sort()).toEqual(['card', 'large', 'thumbnail'])
    expect(variants(doc)).toHaveLength(3)
    const keys = await s3.keys()
    for (const name of [doc.filename, ...variants(doc)]) expect(keys).toContain(key(name))
    expect(await s3.get(key(doc.filename))).toEqual(image)
    expect(existsSync(path.join(mediaDir, doc.filename))).toBe(false)
  })

  it('reads back through the API and the file route, byte for byte', async () => {
    const read = await api.get(admin, `/api/media/${doc.id}?depth=0`)
    expect(read.status).toBe(200)
    expect(new URL(read.json.url, server.url).pathname).toBe(
      `/api/media/file/${encodeURIComponent(doc.filename)}`,
    )
    const file = await fetchFile(admin, read.json.url)
    expect(file.status).toBe(200)
    expect(file.type).toBe('image/png')
    expect(file.bytes).toEqual(image)
    // Answers depend on who asks: no CDN or proxy in front of the CMS may keep one for others.
    expect(file.cacheControl).toBe('private, no-store')
    for (const [name, size] of Object.entries(read.json.sizes as MediaDoc['sizes'])) {
      const variant = await fetchFile(admin, size.url!)
      expect(variant.status, name).toBe(200)
      expect(variant.bytes, name).toEqual(await s3.get(key(size.filename!)))
      expect(variant.cacheControl, name).toBe('private, no-store')
      expect((await sharp(variant.bytes).metadata()).format, name).toBe('webp')
    }
  })

  it('is refused by the file route where the media rules refuse it: staff of another community', async () => {
    for (const url of [doc.url, ...Object.values(doc.sizes).map((size) => size.url!)]) {
      const refused = await fetchFile(editorB, url)
      expect(refused.status, url).toBe(403)
      expect(refused.bytes.includes(image.subarray(0, 64))).toBe(false)
    }
    const listed = await api.get(editorB, `/api/media?where[id][equals]=${doc.id}`)
    expect(listed.json.docs).toEqual([])
  })

  it('is replaced by an update with a new file: the old objects are gone, the new ones there', async () => {
    const oldKeys = [doc.filename, ...variants(doc)].map(key)
    const replacement = await png(1700, 1000, '#c84b28')
    const updated = await api.upload(
      admin,
      `/api/media/${doc.id}`,
      { name: `s3-test-replaced-${(serial += 1)}.png`, type: 'image/png', data: replacement },
      { alt: '替换后的图片' },
      'PATCH',
    )
    expect(updated.status, JSON.stringify(updated.json)).toBe(200)
    const after: MediaDoc = updated.json.doc
    expect(after.filename).not.toBe(doc.filename)
    const keys = await s3.keys()
    for (const old of oldKeys) expect(keys).not.toContain(old)
    for (const name of [after.filename, ...variants(after)]) expect(keys).toContain(key(name))
    expect(variants(after)).toHaveLength(3)
    expect((await fetchFile(admin, after.url)).bytes).toEqual(replacement)
    expect((await fetchFile(admin, doc.url)).status).toBeGreaterThanOrEqual(400)
    doc = after
  })

  it('is deleted with its objects', async () => {
    const objects = [doc.filename, ...variants(doc)].map(key)
    const deleted = await api.del(admin, `/api/media/${doc.id}`)
    expect(deleted.status).toBe(200)
    const keys = await s3.keys()
    for (const object of objects) expect(keys).not.toContain(object)
    expect((await fetchFile(admin, doc.url)).status).toBeGreaterThanOrEqual(400)
  })
})

describe('an uploaded PDF', () => {
  it('is one object in the bucket, read back through the file route byte for byte', async () => {
    const file = pdf('对象存储中的附件')
    const doc = await upload(file, 'pdf')
    expect(variants(doc)).toEqual([])
    expect((await s3.keys()).filter((k) => k.includes(doc.filename.replace(/\.pdf$/, '')))).toEqual(
      [key(doc.filename)],
    )
    expect(await s3.get(key(doc.filename))).toEqual(file)
    const read = await fetchFile(admin, doc.url)
    expect(read.status).toBe(200)
    expect(read.type).toBe('application/pdf')
    expect(read.bytes).toEqual(file)
    expect((await fetchFile(editorB, doc.url)).status).toBe(403)
  })
})

/** The build's copies of a file next to the site sources, left by an earlier run or this one. */
const removeCopies = (filename: string) => {
  for (const dir of ['site/assets/media', 'site/public/files'])
    rmSync(path.join(repoRoot, dir, filename), { force: true })
}

describe('a site built from the bucket', () => {
  let out: string
  let cache: string
  let image: Buffer
  let doc: MediaDoc
  const slug = 's3-test-notice'

  beforeAll(async () => {
    // The suite's shared site is built first: both builds copy images into site/assets/media.
    await ensureBuiltSite()
    image = await png(1200, 800, '#3c9b5a')
    doc = await upload(image, 'png')
    const notice = await api.post(admin, '/api/notices', {
      title: '对象存储图片通知',
      slug,
      kind: 'other',
      community: communities.a,
      attachments: [doc.id],
      _status: 'published',
    })
    expect(notice.status, JSON.stringify(notice.json)).toBe(201)
    removeCopies(doc.filename)
    out = mkdtempSync(path.join(tmpdir(), 's3-site-'))
    cache = mkdtempSync(path.join(tmpdir(), 's3-site-cache-'))
    // A cache of its own: the shared one holds entries of the suite's site, which would spare the
    // loader from reading the corpus's files again.
    await buildSiteInto(server.dataDir, out, cache, s3.env)
  }, 300_000)

  afterAll(() => {
    for (const dir of [out, cache]) if (dir) rmSync(dir, { recursive: true, force: true })
    if (doc) removeCopies(doc.filename)
  })

  /** The page exists and shows the image through astro:assets, from files present in the build. */
  function expectPicture(url: string, filename: string, bytes: Buffer) {
    const html = readFileSync(path.join(out, pageFile(url)), 'utf8')
    const stem = filename.replace(/\.png$/, '')
    const pictures = html.match(/<picture>[\s\S]*?<\/picture>/g) ?? []
    const picture = pictures.find((p) => p.includes(`/_astro/${stem}.`)) ?? ''
    const optimised = [...picture.matchAll(/\/_astro\/[^"\s,]+/g)].map((m) => m[0])
    expect(optimised.length, `${url} shows ${filename}`).toBeGreaterThan(0)
    for (const file of optimised) expect(existsSync(path.join(out, file)), file).toBe(true)
    expect(readFileSync(path.join(out, 'files', filename))).toEqual(bytes)
    return html
  }

  it('shows the uploaded image on its page, from files that are in the build', () => {
    const html = expectPicture(`/shequ/shili/tongzhi/${slug}/`, doc.filename, image)
    expect(html).toContain(`href="/files/${encodeURIComponent(doc.filename)}"`)
  })

  it('shows the files that were moved into the bucket on their pages', () => {
    for (const [url, name] of [
      ['/shequ/shili/', 'shili-cover.png'],
      ['/shequ/shili/tongzhi/2026-02-tingche-fangan-zhengqiu-yijian/', 'shili-tingche-shiyi.png'],
    ]) {
      expectPicture(url, name, readFileSync(path.join(repoRoot, 'content/media', name)))
    }
  })
})

describe('without S3_BUCKET', () => {
  it('uploads stay in the media folder, served by the same route, and the bucket is not touched', async () => {
    const local = await startCmsServer()
    try {
      const localApi = restClient(local.url)
      await localApi.post(anonymous, '/api/users/first-register', {
        email: 'admin@example.test',
        password: 'Admin-pass-12345',
        name: '管理员',
      })
      const session = await localApi.login('admin@example.test', 'Admin-pass-12345')
      const before = await s3.keys()
      const image = await png(1700, 900, '#7a3cc8')
      const created = await localApi.upload(
        session,
        '/api/media',
        { name: 'disk-test.png', type: 'image/png', data: image },
        { alt: '本地磁盘上的图片' },
      )
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      const doc: MediaDoc = created.json.doc
      const dir = path.join(local.dataDir, 'media')
      for (const name of [doc.filename, ...variants(doc)]) {
        expect(existsSync(path.join(dir, name)), name).toBe(true)
      }
      expect(variants(doc)).toHaveLength(3)
      expect(readFileSync(path.join(dir, doc.filename))).toEqual(image)
      const response = await fetch(new URL(doc.url, local.url), {
        headers: { authorization: `JWT ${session.token}` },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(Buffer.from(await response.arrayBuffer())).toEqual(image)
      expect(await s3.keys()).toEqual(before)
    } finally {
      await local.stop()
    }
  })
})
