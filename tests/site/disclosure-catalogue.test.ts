import { parse, type HTMLElement } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { ensureBuiltSite, pageFile, readSite, siteFiles } from '../helpers/builtSite.ts'

/**
 * The 公开目录 pages of the built corpus site (built as of 22 November 2026): every catalogue item
 * that applies, what was last published for it, what is late and what is due next. The demo
 * community is tracked from 1 September 2026; October's public-revenue disclosure is only a draft,
 * so that item is overdue (due 15 November).
 */
let shili: HTMLElement
let lijiang: HTMLElement

const item = (root: HTMLElement, id: string) => root.querySelector(`li[id="${id}"]`)!
const field = (li: HTMLElement, label: string) => {
  const dt = li.querySelectorAll('dt').find((d) => d.text === label)
  return dt?.nextElementSibling?.text.replace(/\s+/g, ' ').trim() ?? null
}

beforeAll(async () => {
  await ensureBuiltSite()
  shili = parse(readSite(pageFile('/shequ/shili/gongkai/mulu/')))
  lijiang = parse(readSite(pageFile('/shequ/lijiang-shanshui/gongkai/mulu/')))
})

describe('a tracked community’s 公开目录', () => {
  it('lists every item that applies to it, in catalogue order', () => {
    expect(shili.querySelectorAll('.catalogue-list > li').map((li) => li.id)).toEqual([
      'jingfei-shouzhi',
      'niandu-jingfei',
      'gonggong-shouyi',
      'weixiu-zijin',
      'zizhijin-yusuan',
      'zizhijin-jiesuan',
      'jumin-huiyi-jueyi',
      'huiyi-jiyao',
      'xuanju-jieguo',
      'jueyi-shishi',
      'qita-shixiang',
    ])
  })

  it('counts one item overdue, names it, and says which period is missing since when', () => {
    const panel = shili.querySelector('.panel')!
    expect(panel.getAttribute('data-overdue')).toBe('1')
    expect(panel.getAttribute('data-due-soon')).toBe('0')
    expect(panel.querySelector('a')?.getAttribute('href')).toBe('#gonggong-shouyi')
    const late = item(shili, 'gonggong-shouyi')
    expect(late.getAttribute('data-state')).toBe('overdue')
    expect(late.querySelector('.badge')?.text).toBe('逾期未公开')
    expect(field(late, '应当公开而未公开')).toBe(
      '2026年10月：应于2026年11月15日前公开最早的一项已逾期 7 天。',
    )
    expect(field(late, '下一次')).toBe('2026年11月，应于2026年12月15日前公开')
    // The October disclosure is a draft, so September's is the last one the public can see.
    expect(field(late, '最近一次公开')).toMatch(
      /^2026年9月示例苑公共收益收支公开 2026年9月 · 发布时间 2026年10月15日$/,
    )
  })

  it('shows up-to-date items with their last disclosure, linked, and the next due date', () => {
    const quarterly = item(shili, 'jingfei-shouzhi')
    expect(quarterly.getAttribute('data-state')).toBe('ok')
    expect(quarterly.querySelector('dd a')?.getAttribute('href')).toBe(
      '/shequ/shili/gongkai/2026-q3-jingfei-shouzhi/',
    )
    expect(field(quarterly, '公开频次')).toBe('每季度，期间结束后 15 天内')
    expect(field(quarterly, '下一次')).toBe('2026年第四季度，应于2027年1月15日前公开')
    // A half-year's repair-fund account, derived from its category and period.
    expect(field(item(shili, 'weixiu-zijin'), '最近一次公开')).toContain('2026年上半年')
    // After a meeting: the next residents' meeting is announced, its resolution due a week later.
    expect(field(item(shili, 'jumin-huiyi-jueyi'), '下一次')).toBe(
      '2026年11月28日的会议（关于召开2026年第四季度居民代表会议的通知），应于2026年12月5日前公开',
    )
    expect(item(shili, 'xuanju-jieguo').getAttribute('data-state')).toBe('any-time')
  })

  it('is linked from the community page and its 居务公开 page', () => {
    for (const url of ['/shequ/shili/', '/shequ/shili/gongkai/']) {
      const root = parse(readSite(pageFile(url)))
      expect(root.querySelectorAll('a[href="/shequ/shili/gongkai/mulu/"]').length, url).toBe(1)
    }
  })
})

describe('a community the site does not track', () => {
  it('says so, claims nothing about lateness, and lists only items for every community', () => {
    expect(lijiang.querySelector('.callout')?.text).toMatch(/^本站尚未开始跟踪这个居委会的公开期限/)
    expect(lijiang.querySelector('[data-overdue]')).toBeNull()
    const states = lijiang
      .querySelectorAll('.catalogue-list > li')
      .map((li) => li.getAttribute('data-state'))
    expect(new Set(states)).toEqual(new Set(['untracked', 'any-time']))
    expect(lijiang.querySelector('li[id="gonggong-shouyi"]')).toBeNull()
    expect(field(item(lijiang, 'jingfei-shouzhi'), '最近一次公开')).toBe('本站尚未收录')
    expect(lijiang.text).not.toContain('逾期')
  })

  it('every community has one', () => {
    const pages = siteFiles().filter((f) => /^shequ\/[^/]+\/gongkai\/mulu\/index\.html$/.test(f))
    const communities = siteFiles().filter((f) => /^shequ\/[^/]+\/index\.html$/.test(f))
    expect(pages.length).toBe(communities.length)
  })
})
