import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { serveStatic } from '../../site/cli/serveStatic.ts'
import { routes } from '../../site/lib/routes.ts'
import { launchBrowser, axeViolations } from '../helpers/browser.ts'
import { ensureBuiltSite } from '../helpers/builtSite.ts'
import { repoRoot } from '../helpers/paths.ts'
import { allResults, openSearch, searchSettled } from '../helpers/searchPage.ts'

/**
 * The search page in headless Chromium against the built site: filters, community scope, the URL as
 * the search's state, odd queries, keyboard and screen-reader use, accessibility at a phone's and a
 * desktop's width (normal and 长辈模式), and the page without JavaScript.
 */
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
let context: BrowserContext
let page: Page
let pageErrors: string[]

const artifacts = path.join(repoRoot, 'tests/artifacts')

beforeAll(async () => {
  server = await serveStatic(await ensureBuiltSite())
  browser = await launchBrowser()
  mkdirSync(artifacts, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})
beforeEach(async () => {
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 900 } })
  page = await context.newPage()
  pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
})
afterEach(async () => {
  await context?.close()
  expect(pageErrors).toEqual([])
})

const chip = (name: string) => page.locator('.facet-group button', { hasText: name })
const chipCount = async (name: string) =>
  Number((await chip(name).first().textContent())?.match(/（(\d+)）/)?.[1])

describe('filters', () => {
  it('a type chip narrows the results to that type, as many as its count says', async () => {
    const all = await openSearch(page, server.url, { q: '物业' })
    expect(new Set(all.results.map((r) => r.type)).size).toBeGreaterThan(1)
    const cases = await chipCount('案例')
    await chip('案例').first().click()
    await page.waitForURL(/type=/)
    const view = await searchSettled(page)
    expect(view.results.every((r) => r.type === '案例')).toBe(true)
    expect(await chip('案例').first().getAttribute('aria-pressed')).toBe('true')
    expect((await allResults(page, server.url, { q: '物业', type: '案例' })).length).toBe(cases)
  })

  it('year, problem and mechanism filters from the URL narrow the results', async () => {
    const notices = await allResults(page, server.url, {
      q: '居民代表会议',
      year: '2026',
      type: '通知',
    })
    expect(notices.length).toBeGreaterThan(0)
    expect(notices.every((r) => r.type === '通知' && r.date.startsWith('2026-'))).toBe(true)

    const problem = await allResults(page, server.url, { q: '物业', problem: '物业管理' })
    expect(problem.length).toBeGreaterThan(0)
    expect(problem.every((r) => r.type === '案例')).toBe(true)
    expect(problem.length).toBeLessThan((await allResults(page, server.url, { q: '物业' })).length)

    const mechanism = await allResults(page, server.url, { mechanism: '听证会' })
    expect(mechanism.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/anli/jinhua-gongyu-zhongcai/', '/anli/yinduyuan-tingzhenghui/']),
    )
  })

  it('a filter with no query lists everything it matches', async () => {
    const view = await openSearch(page, server.url, { type: '品牌项目' })
    expect(view.state).toBe('results')
    expect(view.status).toMatch(/找到 \d+ 条结果/)
    expect(view.results.every((r) => r.type === '品牌项目')).toBe(true)
  })
})

describe('titles and summaries first, the full text on request', () => {
  const titleCount = async () =>
    Number((await page.locator('.search-status').textContent())?.match(/找到 (\d+) 条/)?.[1])

  it('a query the bigram index fills a page for fetches nothing of Pagefind', async () => {
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    const view = await openSearch(page, server.url, { q: '物业' })
    expect(view.scope).toBe('titles')
    expect(view.status).toMatch(/“物业”在标题和摘要中找到 \d+ 条结果/)
    expect(view.results.length).toBe(10)
    expect(view.results.every((r) => r.via === 'bigram')).toBe(true)
    expect(requests).toContain('/pagefind/bigram/manifest.json')
    expect(
      requests.filter((r) => r.startsWith('/pagefind/') && !r.startsWith('/pagefind/bigram/')),
    ).toEqual([])
  })

  it('“也在正文里查找” adds the pages that mention the words only in their text, and the link can be shared', async () => {
    const titles = await allResults(page, server.url, { q: '物业' })
    await openSearch(page, server.url, { q: '物业' })
    const inTitles = await titleCount()
    expect(titles.length).toBe(inTitles)
    await page.getByRole('link', { name: '也在正文里查找' }).click()
    await page.waitForURL(/full=1/)
    const view = await searchSettled(page)
    expect(view.scope).toBe('full')
    expect(view.status).toMatch(/“物业”找到 \d+ 条结果/)
    const full = await allResults(page, server.url, { q: '物业', full: '1' })
    expect(full.length).toBeGreaterThan(inTitles)
    const known = new Set(titles.map((r) => r.url))
    expect(full.filter((r) => !known.has(r.url)).length).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: '也在正文里查找' }).count()).toBe(0)
  })

  it('a full-text link with no words yet (?full=1) searches the full text for what is typed', async () => {
    await openSearch(page, server.url, { full: '1' })
    await page.locator('#search-q').fill('物业')
    await page.locator('#search-q').press('Enter')
    await page.waitForSelector('.search-app[data-state="results"]')
    expect((await searchSettled(page)).scope).toBe('full')
    expect(new URL(page.url()).searchParams.get('full')).toBe('1')
  })

  it('a query the titles cannot fill a page for goes to the full text at once', async () => {
    const view = await openSearch(page, server.url, { q: '茶室' })
    expect(view.scope).toBe('full')
    expect(view.results.some((r) => r.via !== 'bigram')).toBe(true)
  })

  it('without the bigram index’s files, Pagefind answers alone', async () => {
    await page.route('**/pagefind/bigram/**', (route) =>
      route.fulfill({ status: 404, body: 'gone' }),
    )
    const view = await openSearch(page, server.url, { q: '物业' })
    expect(view.scope).toBe('full')
    expect(view.results.length).toBe(10)
    expect(view.results.every((r) => r.via === 'pagefind')).toBe(true)
  })

  it('asking for the other filters turns the search into a full-text one, with every facet counted', async () => {
    await openSearch(page, server.url, { q: '物业' })
    await page.getByText('更多筛选条件').click()
    await page.waitForURL(/full=1/)
    await page.waitForSelector('.facet-group[aria-labelledby="facet-community"]')
    expect((await searchSettled(page)).scope).toBe('full')
  })
})

describe('a community-scoped search', () => {
  it.each([
    ['示例居委会', '物业'],
    ['示例居委会', '会议'],
    ['示例居委会', '听证'],
    ['漓江山水居委会', '物业公司'],
    ['漓江山水居委会', '议事'],
    ['永清新村居委会', '自治'],
  ])('in %s for %s returns only that community’s pages', async (community, q) => {
    const rows = await allResults(page, server.url, { q, community })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.community !== community)).toEqual([])
  })

  it('starts from the community page’s own search box', async () => {
    await page.goto(server.url + routes.community('shili'))
    await page.getByLabel('在示例居委会内搜索').fill('停车')
    await page.getByLabel('在示例居委会内搜索').press('Enter')
    await page.waitForURL(/\/sousuo\/\?/)
    const view = await searchSettled(page)
    expect(new URL(page.url()).searchParams.get('community')).toBe('示例居委会')
    expect(view.results.length).toBeGreaterThan(0)
    expect(view.results.every((r) => r.community === '示例居委会')).toBe(true)
    expect(await page.getByRole('button', { name: /取消筛选：居委会 示例居委会/ }).count()).toBe(1)
  })

  it('the case library’s box searches cases only', async () => {
    await page.goto(server.url + routes.cases())
    await page.getByLabel('搜索案例').fill('物业')
    await page.getByLabel('搜索案例').press('Enter')
    await page.waitForURL(/\/sousuo\/\?/)
    const view = await searchSettled(page)
    expect(view.results.length).toBeGreaterThan(0)
    expect(view.results.every((r) => r.type === '案例')).toBe(true)
  })
})

describe('the URL holds the search', () => {
  it('typing, filtering and paging update the address; reloading it shows the same search', async () => {
    await openSearch(page, server.url)
    await page.getByLabel('搜索关键词').fill('居委会')
    await page.getByLabel('搜索关键词').press('Enter')
    await page.waitForURL(/q=/)
    await searchSettled(page)
    await chip('通知').first().click()
    await page.waitForURL(/type=/)
    const filtered = await searchSettled(page)
    await page.locator('.search-pagination a[rel="next"]').click()
    await page.waitForSelector('.search-app[data-ready][data-page="2"]')
    const second = await searchSettled(page)
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '居委会', type: '通知', page: '2' })
    expect(second.results[0].url).not.toBe(filtered.results[0].url)

    await page.reload()
    const reloaded = await searchSettled(page)
    expect(reloaded.results.map((r) => r.url)).toEqual(second.results.map((r) => r.url))
    expect(await page.getByLabel('搜索关键词').inputValue()).toBe('居委会')
    expect(await chip('通知').first().getAttribute('aria-pressed')).toBe('true')
  })
})

describe('odd queries', () => {
  it('an empty query shows the starting state with examples, not an error', async () => {
    const view = await openSearch(page, server.url, { q: '   ' })
    expect(view.state).toBe('idle')
    expect(view.results).toEqual([])
    expect(await page.locator('.search-examples a').count()).toBeGreaterThan(0)
  })

  it('a query of punctuation only asks for words', async () => {
    for (const q of ['！？。，', '...', '+-*/', '【】《》']) {
      const view = await openSearch(page, server.url, { q })
      expect(view.state, q).toBe('punctuation')
      expect(view.status).toContain('标点')
    }
  })

  it('a query that matches nothing explains what to try and links to the archives', async () => {
    const view = await openSearch(page, server.url, { q: '火星基地', type: '案例' })
    expect(view.results).toEqual([])
    expect(view.status).toContain('没有找到')
    expect(await page.locator('.search-empty a[href="/anli/"]').count()).toBe(1)
    expect(await page.locator('.search-empty a[href="#browse"]').count()).toBe(1)
    await page.getByRole('button', { name: '去掉筛选条件再搜一次' }).click()
    await page.waitForURL((url) => !url.searchParams.has('type'))
    expect((await searchSettled(page)).state).toBe('results')
  })

  it('a very long query and markup in the query do no harm', async () => {
    const view = await openSearch(page, server.url, {
      q: `<img src=x onerror=alert(1)>${'居民'.repeat(200)}`,
    })
    expect(view.state).toBe('results')
    expect(await page.locator('.search-results img').count()).toBe(0)
  })
})

describe('keyboard and screen readers', () => {
  it('a labelled search landmark, a live result count, toggle buttons for filters', async () => {
    await openSearch(page, server.url)
    expect(await page.getByRole('search').count()).toBeGreaterThanOrEqual(1)
    const input = page.getByLabel('搜索关键词')
    await input.focus()
    await page.keyboard.type('茶室')
    await page.keyboard.press('Enter')
    const view = await searchSettled(page)
    expect(view.results.length).toBeGreaterThan(0)
    // Focus stays in the box so the query can be refined; the count is announced.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q')
    const live = page.locator('[role="status"][aria-live="polite"]')
    expect(await live.textContent()).toMatch(/“茶室”找到 \d+ 条结果/)

    // Tab reaches the type chips; Space toggles one.
    for (
      let i = 0;
      i < 10 &&
      !(await page.evaluate(() => document.activeElement?.closest('.facet-group') !== null));
      i++
    )
      await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    expect(await focused.getAttribute('aria-pressed')).toBe('false')
    await page.keyboard.press('Space')
    await page.waitForURL(/type=/)
    await searchSettled(page)
    expect(await page.locator('.facet-group button[aria-pressed="true"]').count()).toBe(1)
  })

  it('moving to another page of results moves focus to the results heading', async () => {
    await openSearch(page, server.url, { q: '居委会' })
    await page.locator('.search-pagination a[rel="next"]').click()
    await page.waitForSelector('.search-app[data-ready][data-page="2"]')
    await page.waitForFunction(() => document.activeElement?.id === 'search-results-title')
  })
})

describe('without JavaScript', () => {
  it('is a plain form to /sousuo/ with links to every way of browsing', async () => {
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
    })
    const p = await noJs.newPage()
    await p.goto(`${server.url}/sousuo/?q=${encodeURIComponent('物业')}`)
    const form = p.locator('form[role="search"]')
    expect(await form.getAttribute('action')).toBe('/sousuo/')
    expect(await form.getAttribute('method')).toBe('get')
    expect(await p.locator('noscript').count()).toBe(1)
    const hrefs = await p
      .locator('#browse a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs).toContain('/anli/')
    expect(hrefs).toContain('/pinpai/')
    expect(hrefs.some((h) => h.startsWith('/anli/wenti/'))).toBe(true)
    expect(hrefs.some((h) => h.startsWith('/anli/jizhi/'))).toBe(true)
    expect(hrefs).toContain(routes.archive('shili'))
    expect(hrefs).toContain(routes.community('lijiang-shanshui'))
    await p.getByLabel('搜索关键词').fill('听证会')
    await p.getByLabel('搜索关键词').press('Enter')
    await p.waitForURL(/\/sousuo\/\?q=/)
    expect(new URL(p.url()).searchParams.get('q')).toBe('听证会')
    await noJs.close()
  })

  it('only the search page ships JavaScript files, and it loads Pagefind only when a search is made', async () => {
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    await openSearch(page, server.url)
    expect(requests.filter((r) => r.startsWith('/pagefind/'))).toEqual([])
    await openSearch(page, server.url, { q: '茶室' })
    expect(requests).toContain('/pagefind/buckets.json')
    expect(requests).toContain('/pagefind/b0/pagefind.js')
  })
})

describe('accessibility and 长辈模式', () => {
  const STATES: Record<string, [Record<string, string>, boolean]> = {
    'search-titles': [{ q: '物业' }, false],
    'search-results': [{ q: '停车', type: '通知' }, false],
    'search-more-filters': [{ q: '物业', community: '示例居委会' }, true],
    'search-no-results': [{ q: '火星基地', type: '案例' }, false],
  }
  describe.each(Object.entries(STATES))('%s', (name, [query, moreFilters]) => {
    it.each([390, 1280])(
      'at %i px: no serious or critical axe violation, all content in landmarks, normal and 长辈模式',
      async (width) => {
        await page.setViewportSize({ width, height: 900 })
        await openSearch(page, server.url, query)
        if (moreFilters) {
          await page.getByText('更多筛选条件').click()
          await page.waitForSelector('.facet-group[aria-labelledby="facet-community"]')
          await searchSettled(page)
        }
        expect(await axeViolations(page)).toEqual([])
        await page.screenshot({
          path: path.join(artifacts, `${name}-${width}.png`),
          fullPage: true,
        })
        await page.getByText('长辈模式', { exact: true }).first().click()
        expect(
          await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)),
        ).toBeGreaterThanOrEqual(20)
        expect(await axeViolations(page)).toEqual([])
        await page.screenshot({
          path: path.join(artifacts, `${name}-${width}-elder.png`),
          fullPage: true,
        })
      },
    )
  })
})
