import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { populate } from '../../cms/contentTypes.ts'
import { routes } from '../../site/lib/routes.ts'
import { buildSiteInto } from '../helpers/buildSiteInto.ts'
import { BUILD_TIME, pageFile, siteFiles } from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'

/**
 * A draft preview's build (site/cli/preview.ts runs it with PREVIEW_DOC): the real templates, the
 * draft added to its collection, and only the page it serves rendered: not the whole site, nor the
 * pages without parameters (home, search, indexes) that every build renders.
 */
const TITLE = '预览构建测试：关于更换楼道灯的通知'
const SLUG = 'yulan-goujian-ceshi'
const EDITED = '（预览构建测试：改过的标题）'

let cms: TestCms
let work: string
let draftId: number | string
let shiliId: number | string
let files: string[]

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

/** Builds a preview of `id`'s draft as the preview endpoint does, into a fresh folder. */
async function previewBuild(id: number | string) {
  const doc = await cms.payload.findByID({
    collection: 'notices',
    id,
    draft: true,
    depth: 1,
    populate: populate as never,
    overrideAccess: true,
  })
  writeFileSync(path.join(work, 'draft.json'), JSON.stringify({ collection: 'notices', doc }))
  const site = path.join(work, 'site')
  rmSync(site, { recursive: true, force: true })
  // One cache for every preview, as site/cli/preview.ts has.
  await buildSiteInto(cms.dataDir, site, path.join(work, 'cache'), {
    PREVIEW_DOC: path.join(work, 'draft.json'),
    BUILD_TIME,
  })
  files = siteFiles(site)
}

const readPage = (url: string) => readFileSync(path.join(work, 'site', pageFile(url)), 'utf8')
const dataStore = () => readFileSync(path.join(work, 'cache', 'data-store.json'), 'utf8')

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'preview-build-'))
  cms = await startCms({ existingDataDir: await copyOfCorpus('preview-build-data-') })
  const shili = (
    await cms.payload.find({ collection: 'communities', where: { slug: { equals: 'shili' } } })
  ).docs[0]
  shiliId = shili.id
  // The corpus's notices are all shili's: one of another community, to be left out of shili's.
  const other = (
    await cms.payload.find({
      collection: 'communities',
      where: { slug: { equals: 'lijiang-shanshui' } },
    })
  ).docs[0]
  await cms.payload.create({
    collection: 'notices',
    data: {
      title: '预览构建测试：另一个居委会的通知',
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
  await previewBuild(draftId)
}, 600_000)
afterAll(async () => {
  await cms?.close()
  rmSync(cms?.dataDir ?? '', { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

describe('a draft preview build', () => {
  it("renders the draft's page with the public templates", () => {
    const html = readPage(routes.notice('shili', SLUG))
    expect(html).toContain(TITLE)
    expect(html).toContain('<html lang="zh-CN"')
  })

  it('renders no other page, list, feed or file', () => {
    // Only the page and the assets it uses (styles, scripts, images); the corpus site has over 1,000.
    const pages = files.filter((file) => !/^(_astro|files)\//.test(file))
    expect(pages).toEqual([pageFile(routes.notice('shili', SLUG))])
  })

  // What makes a preview's cost that of one community, not of the city.
  it("reads the notices of the draft's community only", async () => {
    expect(dataStore()).toContain((await publishedNotice(true)).title)
    expect(dataStore()).not.toContain((await publishedNotice(false)).title)
  })

  it('renders a published notice with no draft exactly as the public build does', async () => {
    const published = await publishedNotice(false)
    const full = path.join(work, 'full')
    await buildSiteInto(cms.dataDir, full, path.join(work, 'full-cache'), { BUILD_TIME })
    await previewBuild(published.id)
    const url = routes.notice((published.community as { slug: string }).slug, published.slug!)
    expect(readPage(url)).toBe(readFileSync(path.join(full, pageFile(url)), 'utf8'))
    // The store now holds that community's notices, and no more shili's.
    expect(dataStore()).toContain(published.title)
    expect(dataStore()).not.toContain((await publishedNotice(true)).title)
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
    await previewBuild(published.id)
    expect(readPage(routes.notice('shili', published.slug!))).toContain(EDITED)
    expect(dataStore()).not.toContain(TITLE)
    expect(dataStore()).toContain(EDITED)

    await previewBuild(draftId)
    expect(readPage(routes.notice('shili', SLUG))).toContain(TITLE)
    expect(dataStore()).not.toContain(EDITED)
    expect(dataStore()).toContain(published.title)
  })
})
