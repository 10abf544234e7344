import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { ensureBuiltSite, readSite, siteFiles } from '../helpers/builtSite.ts'

/** Every HTML page of the built site, checked for what every page must have. */
let pages: string[]

beforeAll(async () => {
  await ensureBuiltSite()
  pages = siteFiles().filter((file) => file.endsWith('.html'))
})

const problems = (check: (file: string, root: ReturnType<typeof parse>) => string | null) =>
  pages.map((file) => check(file, parse(readSite(file)))).filter(Boolean)

describe('every page', () => {
  it('there are pages to check', () => {
    expect(pages.length).toBeGreaterThan(300)
  })

  it('is in Chinese: <html lang="zh-CN">', () => {
    expect(
      problems((file, root) =>
        root.querySelector('html')?.getAttribute('lang') === 'zh-CN' ? null : file,
      ),
    ).toEqual([])
  })

  it('has one non-empty <title>', () => {
    expect(
      problems((file, root) => {
        const titles = root.querySelectorAll('title')
        return titles.length === 1 && titles[0].text.trim()
          ? null
          : `${file}: ${titles.length} titles`
      }),
    ).toEqual([])
  })

  it('has exactly one <h1>', () => {
    expect(
      problems((file, root) =>
        root.querySelectorAll('h1').length === 1
          ? null
          : `${file}: ${root.querySelectorAll('h1').length} h1`,
      ),
    ).toEqual([])
  })

  it('gives every image an alt attribute', () => {
    expect(
      problems((file, root) => {
        const bad = root
          .querySelectorAll('img')
          .filter((img) => img.getAttribute('alt') === undefined)
        return bad.length ? `${file}: ${bad.length} images without alt` : null
      }),
    ).toEqual([])
  })

  it('has a description, a canonical URL and Open Graph title and description', () => {
    expect(
      problems((file, root) => {
        const missing = [
          'meta[name="description"]',
          'link[rel="canonical"]',
          'meta[property="og:title"]',
          'meta[property="og:description"]',
        ].filter(
          (selector) =>
            !root
              .querySelector(selector)
              ?.getAttribute(selector.startsWith('link') ? 'href' : 'content'),
        )
        return missing.length ? `${file}: ${missing.join(', ')}` : null
      }),
    ).toEqual([])
  })

  it('ships no JavaScript files (content pages are plain HTML; only the inline 长辈模式 script)', () => {
    expect(
      problems((file, root) => {
        const external = root
          .querySelectorAll('script[src]')
          .filter(() => !file.startsWith('sousuo/'))
        return external.length
          ? `${file}: ${external.map((s) => s.getAttribute('src')).join(', ')}`
          : null
      }),
    ).toEqual([])
  })
})

describe('the 404 page', () => {
  it('is in Chinese with a way back home', () => {
    const root = parse(readSite('404.html'))
    expect(root.querySelector('h1')?.text).toMatch(/[\u4e00-\u9fff]/)
    expect(root.querySelectorAll('main a').some((a) => a.getAttribute('href') === '/')).toBe(true)
  })
})
