import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { buildSiteInto } from '../helpers/buildSiteInto.ts'
import { siteFiles } from '../helpers/builtSite.ts'
import { startCms, type TestCms } from '../helpers/cms.ts'
import { copyOfCorpus } from '../helpers/corpusTemplate.ts'
import { liveFragments } from '../helpers/searchBundle.ts'

/**
 * A site kept up to date by incremental builds must be exactly the site a full build makes from the
 * same content: after each kind of change, the incremental build's output is compared byte for byte
 * with a full build's from an empty cache. A missed dependency (a page not rebuilt when what it shows
 * changed, a page left behind when its document went) shows up as a differing or extra file.
 */
// Two real builds per test; on a loaded machine each can take a minute.
vi.setConfig({ testTimeout: 600_000 })
const BEFORE = '2026-11-22T10:00:00+08:00'
/** A week later: notices valid until the 25th have expired, meetings of the 24th are over. */
const AFTER = '2026-11-29T10:00:00+08:00'

let cms: TestCms
let payload: Payload
let work: string
let buildTime = BEFORE
let fullBuilds = 0

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'incremental-'))
  cms = await startCms({ existingDataDir: await copyOfCorpus('incremental-data-') })
  payload = cms.payload
  await build('incremental')
}, 600_000)
afterAll(async () => {
  await cms?.close()
  rmSync(cms?.dataDir ?? '', { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

/** The real build entry point, in its own process, into `name`'s output (and cache) folder. */
async function build(name: string) {
  await buildSiteInto(cms.dataDir, path.join(work, name), path.join(work, `${name}-cache`), {
    BUILD_TIME: buildTime,
    // Small, so the changes below go through the search index's recent bucket and, past the
    // limit, through its base bucket being indexed again (site/cli/searchIndex.ts).
    SEARCH_RECENT_LIMIT: '8',
    // Each build reads only what the change touched (not also everything of the last minute,
    // which is every change before it here): what a build a minute after a save does.
    LATE_COMMIT_MS: '0',
  })
  return path.join(work, name)
}

/** Builds incrementally and from scratch, and lists every file where the two differ. */
async function differences(): Promise<string[]> {
  const incremental = await build('incremental')
  const full = await build(`full-${(fullBuilds += 1)}`)
  const a = new Set(siteFiles(incremental))
  const b = new Set(siteFiles(full))
  // The search index is kept up to date in place of being made afresh: the bigram index keeps each
  // page's number from build to build, and Pagefind's changed pages sit in a recent bucket over
  // the superseded entries of their base buckets (so a publish indexes and rewrites little). Their
  // files differ from a fresh build's; the index they make must not.
  const searchIndex = (file: string) => file.startsWith('pagefind/')
  const differing = [
    ...[...a]
      .filter((file) => !b.has(file) && !searchIndex(file))
      .map((file) => `only in the incremental build: ${file}`),
    ...[...b]
      .filter((file) => !a.has(file) && !searchIndex(file))
      .map((file) => `missing from the incremental build: ${file}`),
    ...[...a]
      .filter((file) => b.has(file) && !searchIndex(file))
      .filter(
        (file) =>
          !readFileSync(path.join(incremental, file)).equals(readFileSync(path.join(full, file))),
      )
      .map((file) => `differs: ${file}`),
  ]
  if (JSON.stringify(decodeBigram(incremental)) !== JSON.stringify(decodeBigram(full)))
    differing.push('differs: the bigram index')
  if (JSON.stringify(liveFragments(incremental)) !== JSON.stringify(liveFragments(full)))
    differing.push("differs: Pagefind's index")
  rmSync(full, { recursive: true, force: true })
  rmSync(`${full}-cache`, { recursive: true, force: true })
  return differing
}

/**
 * The bigram index as what it says, numbering aside: each page's record, and for each pair of
 * characters the pages (and whether in the title) holding it, with their type.
 */
function decodeBigram(site: string) {
  const dir = path.join(site, 'pagefind/bigram')
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  const { docs, live, shards, chunk, build, types } = read('manifest.json')
  const rows: Array<[string, string, ...unknown[]] | null> = []
  for (let k = 0; k * chunk < docs; k++) rows.push(...read(`d${k}.json`))
  const postings: Record<string, string[]> = {}
  for (let i = 0; i < shards; i++) {
    for (const [gram, deltas] of Object.entries(read(`g${i}.json`) as Record<string, number[]>)) {
      let value = 0
      postings[gram] = deltas
        .map((delta) => {
          value += delta
          const row = rows[Math.floor(value / 16)]
          return `${row?.[1]} ${types[Math.floor(value / 2) % 8]} ${value % 2}`
        })
        .sort()
    }
  }
  return {
    live,
    build,
    rows: rows.filter((row) => row !== null).sort((x, y) => x![1].localeCompare(y![1])),
    postings: Object.fromEntries(Object.entries(postings).sort(([x], [y]) => x.localeCompare(y))),
  }
}

const idOf = async (collection: 'communities' | 'notices' | 'mechanisms', slug: string) =>
  (
    await payload.find({
      collection,
      where: { slug: { equals: slug } },
      depth: 0,
      overrideAccess: true,
      draft: true,
    })
  ).docs[0].id

const NEW = 'zengliang-ceshi-tongzhi'

describe('after each kind of change, the incremental build equals a full build', () => {
  it('a notice is published', async () => {
    await payload.create({
      collection: 'notices',
      data: {
        title: '增量构建测试：楼道灯维修通知',
        slug: NEW,
        kind: 'other',
        community: await idOf('communities', 'shili'),
        summary: '三号楼楼道灯将于本周更换。',
        validUntil: '2026-11-25T00:00:00.000Z',
        _status: 'published',
      } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a published notice is edited', async () => {
    await payload.update({
      collection: 'notices',
      id: await idOf('notices', NEW),
      data: { title: '增量构建测试：楼道灯更换通知（修改）', summary: '改到下周更换。' } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a draft is saved over a published notice (its published version stays on the site)', async () => {
    // A notice of the corpus: the one the tests below change must stay without a pending draft.
    const [notice] = (
      await payload.find({
        collection: 'notices',
        where: { _status: { equals: 'published' }, slug: { not_equals: NEW } },
        sort: 'slug',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs
    await payload.update({
      collection: 'notices',
      id: notice.id,
      data: { title: '增量构建测试：尚未发布的修改' } as never,
      draft: true,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it("a notice's slug is renamed", async () => {
    await payload.update({
      collection: 'notices',
      id: await idOf('notices', NEW),
      data: { slug: `${NEW}-gai` } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a notice moves to another community', async () => {
    await payload.update({
      collection: 'notices',
      id: await idOf('notices', `${NEW}-gai`),
      data: { community: await idOf('communities', 'lijiang-shanshui') } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a notice is unpublished', async () => {
    await payload.update({
      collection: 'notices',
      id: await idOf('notices', `${NEW}-gai`),
      data: { _status: 'draft' } as never,
      draft: false,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a published notice is deleted', async () => {
    const [notice] = (
      await payload.find({
        collection: 'notices',
        where: { _status: { equals: 'published' } },
        sort: '-publishedAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs
    await payload.delete({ collection: 'notices', id: notice.id, overrideAccess: true })
    expect(await differences()).toEqual([])
  })

  it('a community is renamed', async () => {
    await payload.update({
      collection: 'communities',
      id: await idOf('communities', 'shili'),
      data: { name: '示例居委会（更名测试）' } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a mechanism (taxonomy term) is renamed', async () => {
    const [term] = (
      await payload.find({ collection: 'mechanisms', limit: 1, overrideAccess: true })
    ).docs
    await payload.update({
      collection: 'mechanisms',
      id: term.id,
      data: { name: `${term.name}（更名测试）` } as never,
      overrideAccess: true,
    })
    expect(await differences()).toEqual([])
  })

  it('a scheduled publish comes due', async () => {
    const draft = await payload.create({
      collection: 'notices',
      data: {
        title: '增量构建测试：定时发布的通知',
        slug: 'zengliang-dingshi',
        kind: 'other',
        community: await idOf('communities', 'shili'),
        _status: 'draft',
      } as never,
      draft: true,
      overrideAccess: true,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'notices', value: draft.id } },
      waitUntil: new Date(Date.now() + 500),
    })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await payload.jobs.run()
    const published = await payload.findByID({ collection: 'notices', id: draft.id, depth: 0 })
    expect(published._status).toBe('published')
    expect(await differences()).toEqual([])
  })

  it('a bulk import: 1,001 notices at once (more ids than one query may list)', async () => {
    const community = await idOf('communities', 'lijiang-shanshui')
    for (let i = 1; i <= 1001; i += 1)
      await payload.create({
        collection: 'notices',
        data: {
          title: `增量构建测试：批量导入的第${i}条通知`,
          slug: `zengliang-piliang-${i}`,
          kind: 'other',
          community,
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
    expect(await differences()).toEqual([])
  })

  it('time passes: notices expire and meetings end', async () => {
    buildTime = AFTER
    expect(await differences()).toEqual([])
  })
})
