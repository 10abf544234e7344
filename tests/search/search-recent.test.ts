import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { indexSite, type PageChanges } from '../../site/cli/searchIndex.ts'
import { serveStatic } from '../../site/cli/serveStatic.ts'
import { routes } from '../../site/lib/routes.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { ensureBuiltSite, pageFile } from '../helpers/builtSite.ts'
import { liveFragments, type Fragment } from '../helpers/searchBundle.ts'
import { allResults } from '../helpers/searchPage.ts'

/**
 * The search index kept up to date by publishes (site/cli/searchIndex.ts): changed pages go to the
 * recent bucket over their superseded base entries, and past the limit their base buckets are
 * indexed again. On a copy of the built corpus site, with small buckets so there are several, pages
 * are edited, removed and added the way a build changes them; after each change the index must say
 * what a fresh index of the same pages says, and the search page must show each page once, as it
 * is now, with counts that match.
 */
const OPTIONS = { pagesPerBucket: 40, recentLimit: 6, log: () => {} }
const NEW_TITLE = '楼道灯更换说明会的通知（增量索引测试）'
const ADDED_TITLE = '垃圾分类宣传周的通知（增量索引测试）'

let work: string
let site: string
let state: string
let browser: Browser
let page: Page
const noticeUrl = (slug: string) => routes.notice('shili', slug)

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'search-recent-'))
  site = path.join(work, 'site')
  state = path.join(work, 'state')
  cpSync(await ensureBuiltSite(), site, { recursive: true })
  rmSync(path.join(site, 'pagefind'), { recursive: true, force: true })
  await indexSite(site, state, null, OPTIONS)
  browser = await launchBrowser()
  page = await browser.newPage()
}, 600_000)
afterAll(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
})

/** The index a build from nothing makes of the pages as they are now. */
async function freshIndex(): Promise<Fragment[]> {
  const copy = path.join(work, 'fresh')
  rmSync(copy, { recursive: true, force: true })
  cpSync(site, copy, { recursive: true })
  rmSync(path.join(copy, 'pagefind'), { recursive: true, force: true })
  await indexSite(copy, path.join(work, 'fresh-state'), null, OPTIONS)
  const fragments = liveFragments(copy)
  rmSync(copy, { recursive: true, force: true })
  rmSync(path.join(work, 'fresh-state'), { recursive: true, force: true })
  return fragments
}

const update = (changes: PageChanges) => indexSite(site, state, changes, OPTIONS)
const fileOf = (url: string) => pageFile(url)
const titleOf = (url: string) => liveFragments(site).find((f) => f.url === url)?.meta.title

/** A page's HTML with every occurrence of its title replaced, as a re-rendered page would be. */
function retitle(url: string, to: string, file = fileOf(url)) {
  const html = readFileSync(path.join(site, fileOf(url)), 'utf8')
  const from = titleOf(url)!
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
  writeFileSync(path.join(site, file), html.replaceAll(from, to))
  return from
}

let edited: string
let oldTitle: string
let added: string
let removed: string

describe('a publish updates the recent bucket, and the index says what a fresh one says', () => {
  it('a page rendered again with the same text (a community home whose lists changed)', async () => {
    const result = await update({ rendered: [fileOf(routes.community('shili'))], removed: [] })
    expect(result).toMatchObject({ indexed: 0, recent: 0, superseded: 0 })
    expect(liveFragments(site)).toEqual(await freshIndex())
  })

  it('a page is edited', async () => {
    const notices = liveFragments(site).filter((f) => f.url.startsWith(routes.notices('shili')))
    edited = notices[0].url
    oldTitle = retitle(edited, NEW_TITLE)
    const result = await update({ rendered: [fileOf(edited)], removed: [] })
    expect(result).toMatchObject({ indexed: 0, recent: 1, superseded: 1 })
    expect(result.buckets).toBeGreaterThan(1)
    expect(liveFragments(site)).toEqual(await freshIndex())
  })

  it('a page is removed', async () => {
    removed = routes.caseStudy('lijiang-shanshui-yishihui')
    rmSync(path.join(site, fileOf(removed)))
    const result = await update({ rendered: [], removed: [fileOf(removed)] })
    expect(result).toMatchObject({ indexed: 0, recent: 1, superseded: 2 })
    expect(liveFragments(site).find((f) => f.url === removed)).toBeUndefined()
    expect(liveFragments(site)).toEqual(await freshIndex())
  })

  it('a page is added', async () => {
    added = noticeUrl('zengliang-suoyin-ceshi')
    retitle(edited, ADDED_TITLE, fileOf(added))
    // The copy carries the edited page's canonical address; a real new page has its own.
    const file = path.join(site, fileOf(added))
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(edited, added))
    const result = await update({ rendered: [fileOf(added)], removed: [] })
    expect(result).toMatchObject({ indexed: 0, recent: 2, superseded: 2 })
    expect(liveFragments(site)).toEqual(await freshIndex())
  })

  it('the search page shows each page once, as it is now, and counts what it shows', async () => {
    const server = await serveStatic(site)
    try {
      const titlesAt = async (q: string, url: string) =>
        (await allResults(page, server.url, { q, full: '1' }))
          .filter((row) => row.url === url)
          .map((row) => row.title)
      expect(await titlesAt(NEW_TITLE, edited)).toEqual([NEW_TITLE])
      expect(await titlesAt(ADDED_TITLE, added)).toEqual([ADDED_TITLE])
      // The new text may still match some of the old title's words, but never as the old page.
      expect(await titlesAt(oldTitle, edited)).not.toContain(oldTitle)
      expect(await titlesAt('我的小区我做主', removed)).toEqual([])

      // The edited page's old and new entries both hold its community's name.
      const rows = await allResults(page, server.url, { q: '示例居委会', full: '1' })
      expect(rows.map((row) => row.url)).toContain(edited)
      expect(new Set(rows.map((row) => row.url)).size).toBe(rows.length)
      const count = Number(
        (
          await page.locator('.facet-group button', { hasText: '通知' }).first().textContent()
        )?.match(/（(\d+)）/)?.[1],
      )
      expect(count).toBe(rows.filter((row) => row.type === '通知').length)
    } finally {
      await server.close()
    }
  })

  it('past the limit, the base buckets behind are indexed again and the recent bucket empties', async () => {
    const others = liveFragments(site)
      .filter((f) => f.url.startsWith('/shequ/') && f.url.includes('/tongzhi/'))
      .filter((f) => f.url !== edited && f.url !== added)
      .slice(0, 6)
      .map((f) => f.url)
    for (const url of others) retitle(url, `${titleOf(url)}（改）`)
    const result = await update({ rendered: others.map(fileOf), removed: [] })
    expect(result.indexed).toBeGreaterThan(0)
    // What is left behind is at most three quarters of the limit (of pages, recent or superseded).
    expect(result.recent).toBeLessThanOrEqual((OPTIONS.recentLimit * 3) / 4)
    expect(result.superseded).toBeLessThanOrEqual((OPTIONS.recentLimit * 3) / 4)
    expect(liveFragments(site)).toEqual(await freshIndex())
  })
})
