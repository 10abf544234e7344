import sharp from 'sharp'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveStatic } from '../../site/cli/serveStatic.ts'
import { routes } from '../../site/lib/routes.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { ensureBuiltSite, siteDir } from '../helpers/builtSite.ts'

/**
 * On an item page, in Chromium: 复制到居民群 (the chat text, its short link, the clipboard and the
 * fallback), 朗读 (Web Speech, shown only with a Chinese voice), the share image, and on case and
 * project pages 引用本页 (GB/T 7714 references with today's access date).
 */
const MEETING = routes.notice('shili', '2026-11-jumin-daibiao-huiyi')
const FINANCE = routes.disclosure('shili', '2026-q3-jingfei-shouzhi')
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  await ensureBuiltSite()
  server = await serveStatic(siteDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(
  url: string,
  setup: (context: BrowserContext) => Promise<unknown> = async () => {},
) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
  })
  await setup(context)
  const page = await context.newPage()
  await page.goto(server.url + url)
  return page
}

const chatText = async (url: string) => (await open(url)).locator('[data-chat-text]').inputValue()

describe('复制到居民群', () => {
  it('a meeting: committee and title, time and place, and a short link to the notice', async () => {
    const text = await chatText(MEETING)
    const lines = text.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      '【示例居委会】关于召开2026年第四季度居民代表会议的通知',
      '时间：2026年11月28日（星期六）14:00',
      '地点：居委会二楼会议室',
    ])
    const link = lines[3].match(/^详情：https:\/\/example\.org(\/t\/[0-9a-z]{8}\/)$/)
    expect(link, lines[3]).not.toBeNull()
    const page = await open(link![1])
    await page.waitForURL(server.url + MEETING)
    await page.context().close()
  })

  it('a disclosure: committee and title, its period and the short link', async () => {
    const lines = (await chatText(FINANCE)).split('\n')
    expect(lines[0]).toBe('【示例居委会】2026年第三季度居委会工作经费收支公开')
    expect(lines[1]).toBe('期间：2026年第三季度')
    expect(lines[2]).toMatch(/^详情：https:\/\/example\.org\/t\/[0-9a-z]{8}\/$/)
  })

  it('the button puts the text on the clipboard and says so', async () => {
    const page = await open(MEETING, (context) =>
      context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }),
    )
    await page.getByRole('button', { name: '复制到居民群' }).click()
    await expect.poll(() => page.locator('[data-tools-status]').textContent()).toContain('已复制')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.locator('[data-chat-text]').inputValue(),
    )
    await page.context().close()
  })

  it('where the clipboard is refused, the text is shown selected, to copy by hand', async () => {
    const page = await open(MEETING, (context) =>
      context.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        })
      }),
    )
    await page.getByRole('button', { name: '复制到居民群' }).click()
    const box = page.locator('[data-chat-text]')
    await box.waitFor({ state: 'visible' })
    expect(
      await box.evaluate((el: HTMLTextAreaElement) => [
        document.activeElement === el,
        el.selectionEnd - el.selectionStart === el.value.length,
      ]),
    ).toEqual([true, true])
    await page.context().close()
  })

  it('without JavaScript the text is there to select, and no button that would do nothing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(server.url + MEETING)
    expect(await page.getByRole('button', { name: '复制到居民群' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0)
    await page.locator('summary', { hasText: '复制到居民群' }).click()
    expect(await page.locator('[data-chat-text]').isVisible()).toBe(true)
    await context.close()
  })
})

/** The Web Speech API of a browser with one voice, recording what it is asked to say. */
const speech =
  (lang: string, { finish = true } = {}) =>
  (context: BrowserContext) =>
    context.addInitScript(
      ({ voiceLang, finish }: { voiceLang: string; finish: boolean }) => {
        const spoken: string[] = []
        const calls: string[] = []
        ;(window as unknown as { spoken: string[]; calls: string[] }).spoken = spoken
        ;(window as unknown as { calls: string[] }).calls = calls
        const synth = {
          getVoices: () => [{ lang: voiceLang, name: 'test voice', default: true }],
          speak: (u: { text: string; onend?: () => void }) => {
            spoken.push(u.text)
            // Each sentence done at once, or (to pause and stop it) the first one never done.
            if (finish) setTimeout(() => u.onend?.(), 0)
          },
          pause: () => calls.push('pause'),
          resume: () => calls.push('resume'),
          cancel: () => calls.push('cancel'),
          addEventListener: () => {},
        }
        Object.defineProperty(window, 'speechSynthesis', { value: synth })
        // The real utterance accepts only the browser's own voice objects.
        Object.defineProperty(window, 'SpeechSynthesisUtterance', {
          value: class {
            lang = ''
            voice: unknown = null
            onend: (() => void) | null = null
            text: string
            constructor(text: string) {
              this.text = text
            }
          },
        })
      },
      { voiceLang: lang, finish },
    )

describe('朗读', () => {
  it('is not offered where the browser has no Chinese voice', async () => {
    for (const setup of [undefined, speech('en-US')]) {
      const page = await open(MEETING, setup)
      expect(await page.getByRole('button', { name: /朗读/ }).isVisible()).toBe(false)
      await page.context().close()
    }
  })

  it('with a zh-CN voice: reads the title and the text, not the navigation; pause, resume, stop', async () => {
    const page = await open(MEETING, speech('zh-CN'))
    await page.getByRole('button', { name: '朗读本页的标题和正文' }).click()
    // Sentences are spoken one after another; wait for the last one rather than a count.
    const spokenSoFar = () =>
      page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.join(''))
    await expect.poll(spokenSoFar).toContain('会议材料将于11月24日前送到各位代表手中')
    const spoken = await spokenSoFar()
    expect(spoken.startsWith('关于召开2026年第四季度居民代表会议的通知')).toBe(true)
    expect(spoken).toContain('居委会二楼会议室')
    for (const absent of ['案例库', '品牌项目', '首页', '长辈模式', '复制到居民群'])
      expect(spoken).not.toContain(absent)

    const page2 = await open(MEETING, speech('zh-CN', { finish: false }))
    await page2.getByRole('button', { name: '朗读本页的标题和正文' }).click()
    await page2.getByRole('button', { name: '暂停' }).click()
    await page2.getByRole('button', { name: '继续' }).click()
    await page2.getByRole('button', { name: '停止' }).click()
    expect(await page2.evaluate(() => (window as unknown as { calls: unknown[] }).calls)).toEqual([
      'cancel',
      'pause',
      'resume',
      'cancel',
    ])
    await page.context().close()
    await page2.context().close()
  })

  it('is large in 长辈模式', async () => {
    const page = await open(MEETING, speech('zh-CN'))
    const button = page.getByRole('button', { name: '朗读本页的标题和正文' })
    const size = () => button.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const normal = await size()
    await page.getByText('长辈模式', { exact: true }).first().click()
    expect(await size()).toBeGreaterThan(normal * 1.3)
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(56)
    await page.context().close()
  })
})

describe('share images', () => {
  it.each([MEETING, FINANCE])('%s: og:image is a 1200×630 PNG of its own', async (url) => {
    const page = await open(url)
    const image = await page.locator('meta[property="og:image"]').getAttribute('content')
    expect(image).toMatch(/^https:\/\/example\.org\/shequ\/shili\/.+\/share\.png\?v=[0-9a-f]{16}$/)
    expect(
      await Promise.all(
        ['og:image:width', 'og:image:height'].map((p) =>
          page.locator(`meta[property="${p}"]`).getAttribute('content'),
        ),
      ),
    ).toEqual(['1200', '630'])
    const path = new URL(image!).pathname
    expect(path.startsWith(url)).toBe(true)
    const png = await page.request.get(server.url + path)
    expect(png.headers()['content-type']).toBe('image/png')
    const meta = await sharp(await png.body()).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    await page.context().close()
  })
})

describe('引用本页', () => {
  const today = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

  it('a case: its source as a part of the book ([M]//) and the web page [EB/OL] read today', async () => {
    const page = await open(routes.caseStudy('lijiang-shanshui-yishihui'))
    const [source, web] = await page.locator('.cite [data-citation]').allTextContents()
    expect(source.trim()).toMatch(
      /^.+\[M\]\/\/上海市民政局基政处, 上海市街镇工作协会\. 居民自治（下）案例精选与剖析\. 上海: 华东理工大学出版社, 2017: \d+\.$/,
    )
    expect(web.trim()).toMatch(
      new RegExp(
        `^居民自治信息网\\. .+\\[EB/OL\\]\\. \\(\\d{4}-\\d{2}-\\d{2}\\)\\[${today()}\\]\\. https://example\\.org/anli/lijiang-shanshui-yishihui/\\.$`,
      ),
    )
    await page.context().close()
  })

  it('a brand project: its book with place, publisher and year; the copy button copies it', async () => {
    const page = await open(routes.brandProject('qunying-jiayuan-yishihui'), (context) =>
      context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }),
    )
    const source = page.locator('.cite [data-citation]').first()
    expect(await source.textContent()).toContain('[M]. 上海: 华东理工大学出版社, 2017')
    await page.locator('.cite').getByRole('button', { name: '复制' }).first().click()
    await expect.poll(() => page.locator('[data-cite-status]').textContent()).toContain('已复制')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      (await source.textContent())!.trim(),
    )
    await page.context().close()
  })

  it('a case from a journal article is cited as [J], saying what the source does not print', async () => {
    const page = await open(routes.caseStudy('daninglu-linli-zhongxin'))
    expect(await page.locator('.cite [data-citation]').first().textContent()).toContain(
      '金桥. 上海基层社区自治规范化和居民参与社区治理机制创新[J]. [刊名不详], 2018(8): 97-107.',
    )
    await page.context().close()
  })
})
