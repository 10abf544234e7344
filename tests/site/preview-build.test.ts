import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { populate } from '../../cms/contentTypes.ts'
import { routes } from '../../site/lib/routes.ts'
import { pageFile, siteFiles } from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'

/**
 * A draft preview's build (site/cli/preview.ts runs it with PREVIEW_DOC): the real templates, the
 * draft added to its collection, and only the pages about the draft rendered, not the whole site.
 * The pages without parameters (home, search, indexes) are rendered as ever; no other item page is.
 */
const run = promisify(execFile)
const TITLE = '预览构建测试：关于更换楼道灯的通知'
const SLUG = 'yulan-goujian-ceshi'

let cms: TestCms
let work: string
let files: string[]

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'preview-build-'))
  cms = await startCms({ existingDataDir: await copyOfCorpus('preview-build-data-') })
  const { payload } = cms
  const shili = (
    await payload.find({ collection: 'communities', where: { slug: { equals: 'shili' } } })
  ).docs[0]
  const draft = await payload.create({
    collection: 'notices',
    data: { title: TITLE, slug: SLUG, kind: 'other', community: shili.id, _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  // Fetched as the preview endpoint fetches it.
  const doc = await payload.findByID({
    collection: 'notices',
    id: draft.id,
    draft: true,
    depth: 1,
    populate: populate as never,
    overrideAccess: true,
  })
  writeFileSync(path.join(work, 'draft.json'), JSON.stringify({ collection: 'notices', doc }))
  await run(nodeBin, [path.join(repoRoot, 'cli/build.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: cms.dataDir,
      DATABASE_URI: '',
      MEDIA_DIR: '',
      SITE_OUT_DIR: path.join(work, 'site'),
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      PREVIEW_DOC: path.join(work, 'draft.json'),
      SITE_URL: 'https://example.org',
      CI: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  })
  files = siteFiles(path.join(work, 'site'))
}, 600_000)
afterAll(async () => {
  await cms?.close()
  rmSync(cms?.dataDir ?? '', { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

describe('a draft preview build', () => {
  it("renders the draft's page with the public templates", () => {
    const file = path.join(work, 'site', pageFile(routes.notice('shili', SLUG)))
    expect(existsSync(file)).toBe(true)
    const html = readFileSync(file, 'utf8')
    expect(html).toContain(TITLE)
    expect(html).toContain('<html lang="zh-CN"')
  })

  it('renders no other item page, list or feed', () => {
    const html = files.filter((file) => file.endsWith('.html'))
    const itemPages = html.filter((file) =>
      /^(shequ\/[^/]+\/(tongzhi|gongkai)\/[^/]+\/|anli\/[^/]+\/|pinpai\/[^/]+\/)index\.html$/.test(
        file,
      ),
    )
    expect(itemPages).toEqual([pageFile(routes.notice('shili', SLUG))])
    // Of a community's pages only the draft's own; the corpus site has over 500.
    expect(html.filter((file) => file.startsWith('shequ/'))).toEqual(itemPages)
    expect(html.length).toBeLessThan(20)
  })
})
