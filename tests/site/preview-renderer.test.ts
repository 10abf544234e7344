import { readdirSync, readFileSync, readlinkSync, rmSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { populate } from '../../cms/contentTypes.ts'
import { previewRenderer, type PreviewRenderer } from '../../site/cli/previewRendererProcess.ts'
import { routes } from '../../site/lib/routes.ts'
import { payloadSource } from '../../site/loaders/payloadSource.ts'
import { buildSiteInto } from '../helpers/buildSiteInto.ts'
import { BUILD_TIME, pageFile } from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { repoRoot } from '../helpers/paths.ts'

/**
 * The draft preview's renderer (site/cli/previewRenderer.ts, started as the preview endpoint starts
 * it): the site's own templates render the draft's page, from a content store that holds the
 * draft and its community's notices only, with nothing of the development server in the page, and
 * the development server answers nobody but the renderer.
 */
const TITLE = '预览测试：关于更换楼道灯的通知'
const SLUG = 'yulan-ceshi'
const EDITED = '（预览测试：改过的标题）'
const SITE_URL = 'https://example.org'

let cms: TestCms
let renderer: PreviewRenderer
let work: string
let draftId: number | string
let shiliId: number | string

/** A published notice of shili's, or of another community's. */
async function publishedNotice(ofShili: boolean) {
  const { docs } = await cms.payload.find({
    collection: 'notices',
    where: {
      _status: { equals: 'published' },
      community: ofShili ? { equals: shiliId } : { not_equals: shiliId },
    },
    sort: 'id',
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  return docs[0]!
}

/** Previews `id`'s draft (or its published version) as the preview endpoint asks for it. */
async function preview(collection: 'notices' | 'communities', id: number | string) {
  const doc = await cms.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 1,
    populate: populate as never,
    overrideAccess: true,
  })
  return renderer.render({ collection, doc })
}

/**
 * The renderer's content store, as its last preview left it. Development servers keep theirs in
 * the project's .astro/, which every renderer of this checkout writes (other test files' too): a
 * store that is not this database's is another's, and the preview is asked for again.
 */
async function storeAfter(show: () => Promise<unknown>): Promise<string> {
  const ours = (await payloadSource()).identity
  for (let attempt = 0; attempt < 5; attempt++) {
    await show()
    const store = readFileSync(path.join(repoRoot, '.astro/data-store.json'), 'utf8')
    if (store.includes(ours)) return store
  }
  throw new Error("the renderer's store was never this database's")
}

const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0]

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'preview-renderer-'))
  cms = await startCms({ existingDataDir: await copyOfCorpus('preview-renderer-data-') })
  // What the renderer inherits, as the full build below gets it.
  Object.assign(process.env, { BUILD_TIME, SITE_URL })
  const shili = (
    await cms.payload.find({ collection: 'communities', where: { slug: { equals: 'shili' } } })
  ).docs[0]!
  shiliId = shili.id
  // The corpus's notices are all shili's: one of another community, to be left out of shili's.
  const other = (
    await cms.payload.find({
      collection: 'communities',
      where: { slug: { equals: 'lijiang-shanshui' } },
    })
  ).docs[0]!
  await cms.payload.create({
    collection: 'notices',
    data: {
      title: '预览测试：另一个居委会的通知',
      slug: 'yulan-lingyige-juweihui',
      kind: 'other',
      community: other.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  const draft = await cms.payload.create({
    collection: 'notices',
    data: { title: TITLE, slug: SLUG, kind: 'other', community: shili.id, _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  draftId = draft.id
  renderer = previewRenderer()
}, 600_000)
afterAll(async () => {
  await renderer?.stop()
  await cms?.close()
  rmSync(cms?.dataDir ?? '', { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

describe('the draft preview renderer', () => {
  it("renders the draft's page with the public templates", async () => {
    const { status, html } = await preview('notices', draftId)
    expect(status).toBe(200)
    expect(html).toContain(TITLE)
    expect(html).toContain('<html lang="zh-CN"')
  })

  it('renders a published notice with no draft as the public build does', async () => {
    const published = await publishedNotice(false)
    const full = path.join(work, 'full')
    await buildSiteInto(cms.dataDir, full, path.join(work, 'full-cache'), { BUILD_TIME })
    const url = routes.notice((published.community as { slug: string }).slug, published.slug!)
    const built = readFileSync(path.join(full, pageFile(url)), 'utf8')
    const { html } = await preview('notices', published.id)
    // As without JavaScript: the built page's scripts (print, share) are the preview's only lack.
    const withoutScripts = built.replace(/<script type="module" src="[^"]*"><\/script>/g, '')
    expect(mainOf(html)).toBeDefined()
    expect(mainOf(html)).toBe(mainOf(withoutScripts))
    // The same head too, but for the build's bundled styles and scripts.
    expect(/<title>.*<\/title>/.exec(html)?.[0]).toBe(/<title>.*<\/title>/.exec(built)?.[0])
  })

  it('leaves nothing in the page that points at the development server', async () => {
    // The community's page has a cover image, which the development server makes variants of.
    const { status, html } = await preview('communities', shiliId)
    expect(status).toBe(200)
    expect(html).toContain('<img src="/files/shili-cover.png"')
    // Not the other formats and widths, which only the development server would make.
    expect(html).not.toMatch(/<source [^>]*type="image\/(avif|webp)"/)
    expect(html).not.toMatch(/\/@vite|\/@fs|\/_image|\/node_modules\/|type="module"/)
    expect(html).not.toMatch(/(src|href|srcset)="\/(site|cms)\//)
  })

  // What makes a preview's cost that of one community, not of the city.
  it("reads the notices of the draft's community only", async () => {
    const store = await storeAfter(() => preview('notices', draftId))
    expect(store).toContain((await publishedNotice(true)).title)
    expect(store).not.toContain((await publishedNotice(false)).title)
  })

  // Previews share one store; the last preview's draft must not stay in it.
  it("the next preview holds its own draft, and the last one's no more", async () => {
    const published = await publishedNotice(true)
    // An unpublished edit of a published notice: the public keeps the published title.
    await cms.payload.update({
      collection: 'notices',
      id: published.id,
      data: { title: `${published.title}${EDITED}` },
      draft: true,
      overrideAccess: true,
    })
    let page = ''
    let store = await storeAfter(async () => (page = (await preview('notices', published.id)).html))
    expect(page).toContain(EDITED)
    expect(store).not.toContain(TITLE)
    expect(store).toContain(EDITED)

    store = await storeAfter(async () => (page = (await preview('notices', draftId)).html))
    expect(page).toContain(TITLE)
    expect(store).not.toContain(EDITED)
    expect(store).toContain(published.title)
  })

  // Payload saves a draft without its required fields; the site's schema then has no page for it.
  it('says which fields a draft lacks, and previews it once they are filled in', async () => {
    const incomplete = await cms.payload.create({
      collection: 'notices',
      data: { title: '预览测试：还没选类别的草稿', community: shiliId, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    const lacking = await preview('notices', incomplete.id)
    expect(lacking.status).toBe(422)
    expect(lacking.missing).toEqual(['kind'])

    await cms.payload.update({
      collection: 'notices',
      id: incomplete.id,
      data: { kind: 'other' },
      draft: true,
      overrideAccess: true,
    })
    const complete = await preview('notices', incomplete.id)
    expect(complete.status).toBe(200)
    expect(complete.missing).toBeUndefined()
    expect(complete.html).toContain('预览测试：还没选类别的草稿')
  })

  it('finds no page for a draft whose community is not published', async () => {
    const { status, missing } = await renderer.render({
      collection: 'notices',
      doc: {
        id: 999_999,
        slug: 'meiyou',
        title: '无处可去',
        kind: 'other',
        community: { id: 999_999, slug: 'meiyou' },
        publishedAt: '2026-12-01T00:00:00.000Z',
        updatedAt: '2026-12-01T00:00:00.000Z',
      },
    })
    expect(status).toBe(404)
    expect(missing).toBeUndefined()
  })

  // A development server hands out the project's files (sources, settings) to whoever asks.
  it('has its development server answer nobody but the renderer', async () => {
    const port = listeningPortOf(rendererPid())
    for (const asked of ['/', '/site/cli/previewRenderer.ts', '/@fs/etc/passwd', '/.env'])
      expect((await fetch(`http://127.0.0.1:${port}${asked}`)).status, asked).toBe(403)
  })
})

describe('a site build', () => {
  it('refuses to run with a draft to add', async () => {
    const out = path.join(work, 'refused')
    await expect(
      buildSiteInto(cms.dataDir, out, path.join(work, 'refused-cache'), {
        PREVIEW_DOC: path.join(work, 'draft.json'),
      }),
    ).rejects.toThrow(/PREVIEW_DOC is set/)
    expect(() => readdirSync(out)).toThrow()
  })
})

/** This process's child running the renderer. */
function rendererPid(): number {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (parent === process.pid && command.includes('previewRenderer.ts')) return Number(pid)
    } catch {
      // Gone while it was read.
    }
  }
  throw new Error('no preview renderer among this process’s children')
}

/** The TCP port a process listens on (IPv4, from /proc: its sockets' inodes). */
function listeningPortOf(pid: number): number {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1])
      .filter(Boolean),
  )
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    // State 0A: listening.
    if (fields[3] === '0A' && inodes.has(fields[9])) return parseInt(fields[1]!.split(':')[1]!, 16)
  }
  throw new Error(`process ${pid} listens on no IPv4 port`)
}
