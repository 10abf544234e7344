import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'

import { ensureBuiltSite, readSite, siteFiles } from '../helpers/builtSite.ts'

/** Every HTML page of the built site, checked for what every page must have. */
let pages: string[]

// Short links (/t/…/) are redirect stubs for chat messages, not pages.
const isRedirect = (file: string) => file.startsWith('t/')

beforeAll(async () => {
  await ensureBuiltSite()
  pages = siteFiles().filter((file) => file.endsWith('.html') && !isRedirect(file))
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

  it('ships JavaScript only where interaction needs it, as small files of its own, never inline', () => {
    // The search page (a React island, with Astro's own inline island loader) is checked on its own
    // in tests/search/; elsewhere only the lookup box, the item tools and the citations' copy
    // buttons, each a few kilobytes. List, archive and place pages carry none.
    const allowed =
      /^\/_astro\/(FindCommittee|ItemTools|CiteThisPage|PrintButton)\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/
    expect(
      problems((file, root) => {
        if (file.startsWith('sousuo/')) return null
        const scripts = root.querySelectorAll('script')
        const inline = scripts.filter(
          (s) => !s.getAttribute('src') && !s.text.includes('elder-mode'),
        )
        const external = scripts
          .map((s) => s.getAttribute('src'))
          .filter((src): src is string => Boolean(src))
          .filter((src) => !allowed.test(src))
        const bad = [...inline.map((s) => `inline: ${s.text.slice(0, 40)}`), ...external]
        return bad.length ? `${file}: ${bad.join(', ')}` : null
      }),
    ).toEqual([])
    for (const file of siteFiles().filter((f) =>
      /^_astro\/(FindCommittee|ItemTools|CiteThisPage|PrintButton)\..*\.js$/.test(f),
    ))
      expect(readSite(file).length, file).toBeLessThan(12 * 1024)
    const lists = ['anli/index.html', 'shequ/shili/guidang/index.html', 'qu/xuhui/index.html']
    for (const file of lists)
      expect(parse(readSite(file)).querySelectorAll('script[src]'), file).toEqual([])
  })

  it('works without JavaScript: every tool a script adds is hidden until the script shows it', () => {
    expect(
      problems((file, root) => {
        const visible = root
          .querySelectorAll(
            '[data-chat-copy], [data-print], [data-read-aloud], [data-copy-citation]',
          )
          .filter((el) => el.getAttribute('hidden') === undefined)
        return visible.length
          ? `${file}: ${visible.length} tools shown before their script runs`
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
