import { existsSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { routes } from '../../site/lib/routes.ts'
import { ensureBuiltSite, pageFile, readSite, siteDir, siteFiles } from '../helpers/builtSite.ts'
import { liveFragments, type Fragment } from '../helpers/searchBundle.ts'
import { DRAFT_MARK } from '../helpers/siteFixtureValues.ts'

/**
 * The search index the build writes next to the site (dist/pagefind/): which pages are in it, with
 * which filters and metadata, and what of each page's text. Read straight from Pagefind's files.
 */
let fragments: Fragment[]
const byUrl = (url: string) => fragments.find((f) => f.url === url)

/** Item pages: cases, brand projects, community homes, notices, disclosures. Nothing else. */
const ITEM_PAGE =
  /^\/(anli\/(?!ye\/|wenti\/|jizhi\/|qu\/|ticai\/)[^/]+\/|pinpai\/[^/]+\/|shequ\/[^/]+\/((tongzhi|gongkai)\/[^/]+\/)?)$/

beforeAll(async () => {
  await ensureBuiltSite()
  // Every bucket's fragments (site/cli/searchIndex.ts splits the index by page address).
  fragments = liveFragments(siteDir)
})

describe('the build writes a search index', () => {
  it("Pagefind's bundle and the bigram index sit in pagefind/", () => {
    for (const file of [
      'pagefind/buckets.json',
      'pagefind/b0/pagefind.js',
      'pagefind/b0/pagefind-entry.json',
      'pagefind/bigram/manifest.json',
    ]) {
      expect(existsSync(path.join(siteDir, file)), file).toBe(true)
    }
    const manifest = JSON.parse(readSite('pagefind/bigram/manifest.json'))
    expect(manifest.live).toBe(fragments.length)
  })
})

describe('only item pages are indexed', () => {
  it('every page with data-pagefind-body is an item page, and each is in the index', () => {
    const marked = siteFiles()
      .filter((file) => file.endsWith('.html') && readSite(file).includes('data-pagefind-body'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
    expect(marked.filter((url) => !ITEM_PAGE.test(url))).toEqual([])
    expect(fragments.map((f) => f.url).sort()).toEqual(marked.sort())
  })

  it('covers all five types', () => {
    const types = new Set(fragments.flatMap((f) => f.filters.type))
    expect([...types].sort()).toEqual(['品牌项目', '居务公开', '居委会', '案例', '通知'].sort())
    expect(fragments.filter((f) => f.filters.type?.length !== 1)).toEqual([])
  })

  it('leaves out lists, archives, facets, the home page and the search page', () => {
    for (const url of [
      routes.home(),
      routes.cases(),
      routes.casesPage(2),
      routes.casesByMechanism('tingzhenghui'),
      routes.casesByProblem('wuye-guanli'),
      routes.brandProjects(),
      routes.notices('shili'),
      routes.disclosures('shili'),
      routes.archive('shili'),
      routes.archiveYear('shili', 2026),
      routes.district('xuhui'),
      routes.street('huajing'),
      routes.search(),
    ]) {
      expect(byUrl(url), url).toBeUndefined()
      expect(readSite(pageFile(url))).not.toContain('data-pagefind-body')
    }
  })

  it('holds no draft', () => {
    expect(
      fragments.filter((f) => f.content.includes(DRAFT_MARK) || f.meta.title?.includes(DRAFT_MARK)),
    ).toEqual([])
    expect(byUrl(routes.brandProject('shili-linli-shijian'))).toBeUndefined()
  })
})

describe('each page carries its filters and metadata', () => {
  it('a case: type, place, year, problems and mechanisms', () => {
    const f = byUrl(routes.caseStudy('lijiang-shanshui-yishihui'))!
    expect(f.meta.title).toBe('我的小区我做主 群英家园共议事')
    expect(f.filters).toMatchObject({
      type: ['案例'],
      community: ['漓江山水居委会'],
      street: ['华泾镇'],
      district: ['徐汇区'],
      year: ['2012'],
      problem: expect.arrayContaining(['物业管理']),
      mechanism: expect.arrayContaining(['议事会']),
    })
  })

  it('a notice: type, community, date and year', () => {
    const f = byUrl(routes.notice('shili', '2026-11-jumin-daibiao-huiyi'))!
    expect(f.filters).toMatchObject({ type: ['通知'], community: ['示例居委会'], year: ['2026'] })
    expect(f.meta).toMatchObject({
      type: '通知',
      community: '示例居委会',
      date: expect.stringMatching(/^2026-\d\d-\d\d$/),
    })
  })

  it('a disclosure counts in the year it is about', () => {
    const f = byUrl(routes.disclosure('shili', '2025-niandu-jingfei-shouzhi'))!
    expect(f.filters).toMatchObject({
      type: ['居务公开'],
      community: ['示例居委会'],
      year: ['2025'],
    })
  })

  it('a brand project and a community home', () => {
    expect(byUrl(routes.brandProject('qunying-jiayuan-yishihui'))!.filters).toMatchObject({
      type: ['品牌项目'],
      community: ['漓江山水居委会'],
    })
    expect(byUrl(routes.community('lijiang-shanshui'))!.filters).toMatchObject({
      type: ['居委会'],
      community: ['漓江山水居委会'],
      district: ['徐汇区'],
    })
  })

  it('filters and metadata are hidden elements, not visible text', () => {
    const root = parse(readSite(pageFile(routes.caseStudy('lijiang-shanshui-yishihui'))))
    const holder = root.querySelector('[data-pagefind-filter]')!.parentNode!
    expect(holder.hasAttribute('hidden')).toBe(true)
    expect(holder.text.trim()).toBe('')
  })
})

describe("only a page's main content is indexed", () => {
  it('not the site navigation, breadcrumbs or footer', () => {
    const f = byUrl(routes.caseStudy('lijiang-shanshui-yishihui'))!
    expect(f.content).not.toContain('长辈模式')
    expect(f.content).not.toContain('RSS')
    expect(f.content.replace(/\u200b/g, '')).not.toMatch(/^首页/)
  })

  it("not a community page's lists of notices, disclosures, projects and cases", () => {
    const text = byUrl(routes.community('shili'))!.content.replace(/\u200b/g, '')
    expect(text).toContain('示例居委会')
    expect(text).not.toContain('第四季度居民代表会议')
    expect(text).not.toContain('历史归档')
    // The list headings go with their lists (the introduction may still name the same items).
    const lijiang = byUrl(routes.community('lijiang-shanshui'))!.content.replace(/\u200b/g, '')
    expect(lijiang).toContain('漓江山水花园')
    expect(lijiang).not.toContain('相关案例')
  })

  it("not a case's citation block or back link, nor a notice's back links", () => {
    const text = byUrl(routes.caseStudy('lijiang-shanshui-yishihui'))!.content.replace(
      /\u200b/g,
      '',
    )
    expect(text).not.toContain('ISBN')
    expect(text).not.toContain('返回案例库')
    const notice = byUrl(routes.notice('shili', '2026-11-jumin-daibiao-huiyi'))!.content.replace(
      /\u200b/g,
      '',
    )
    expect(notice).not.toContain('全部通知')
  })
})

describe('search boxes on other pages', () => {
  it('each community page has one scoped to the community (a plain GET form)', () => {
    const root = parse(readSite(pageFile(routes.community('lijiang-shanshui'))))
    const form = root.querySelector('form[role="search"]')!
    expect(form.getAttribute('action')).toBe(routes.search())
    expect(form.getAttribute('method')).toBe('get')
    expect(form.querySelector('input[name="q"]')?.getAttribute('id')).toBe(
      form.querySelector('label')?.getAttribute('for'),
    )
    expect(
      form.querySelector('input[type="hidden"][name="community"]')?.getAttribute('value'),
    ).toBe('漓江山水居委会')
  })

  it('the case library has one scoped to cases', () => {
    const form = parse(readSite(pageFile(routes.cases()))).querySelector('form[role="search"]')!
    expect(form.getAttribute('action')).toBe(routes.search())
    expect(form.querySelector('input[type="hidden"][name="type"]')?.getAttribute('value')).toBe(
      '案例',
    )
  })
})
