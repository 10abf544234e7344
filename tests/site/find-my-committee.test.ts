import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveStatic } from '../../site/cli/serveStatic.ts'
import { routes } from '../../site/lib/routes.ts'
import { launchBrowser, axeViolations } from '../helpers/browser.ts'
import { ensureBuiltSite, readSite, siteDir } from '../helpers/builtSite.ts'
import { repoRoot } from '../helpers/paths.ts'

/**
 * 找我的居委会 on the built site, in Chromium, as a resident uses it on a phone: the box on the home
 * page answers partial estate names, traditional characters, pinyin initials and a road and number
 * inside or outside every range; without JavaScript the form leads to the directory of service areas.
 */
const artifacts = path.join(repoRoot, 'tests/artifacts')
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  await ensureBuiltSite()
  server = await serveStatic(siteDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const BOX = '您住在哪个小区或哪条路？'

async function ask(query: string, { javaScript = true } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: javaScript,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  await page.goto(server.url + routes.home())
  await page.getByLabel(BOX).fill(query)
  // An answer: a count of committees found, or a plain message (not the loading line).
  if (javaScript && query)
    await page
      .locator('.lookup-results > .lookup-count, .lookup-results > .callout')
      .first()
      .waitFor()
  return page
}

const results = (page: Page) => page.locator('.lookup-results')
const committees = (page: Page) => results(page).locator('.lookup-name a').allTextContents()

describe('找我的居委会 on the home page', () => {
  it('comes first on a phone: the box is above the meetings and notices', async () => {
    const page = await ask('')
    const box = await page.getByLabel(BOX).boundingBox()
    const meetings = await page.getByRole('heading', { name: '近期会议' }).boundingBox()
    expect(box!.y).toBeLessThan(meetings!.y)
    expect(box!.y).toBeLessThan(844)
    await page.context().close()
  })

  it('part of an estate name finds its committee, saying which estate matched', async () => {
    const page = await ask('漓江')
    expect(await committees(page)).toEqual(['漓江山水居委会'])
    await expect.poll(() => results(page).textContent()).toContain('小区：漓江山水花园')
    await page.context().close()
  })

  it('traditional characters find the simplified name', async () => {
    const page = await ask('寶通家園')
    expect(await committees(page)).toEqual(['宝通家园居委会'])
    await page.context().close()
  })

  it('pinyin initials find the estate (btjy → 宝通家园)', async () => {
    const page = await ask('btjy')
    expect(await committees(page)).toEqual(['宝通家园居委会'])
    await page.context().close()
  })

  it('an estate’s former name finds it, with its current name', async () => {
    const page = await ask('示例新村')
    expect(await committees(page)).toEqual(['示例居委会'])
    await expect.poll(() => results(page).textContent()).toContain('现名 示例一村')
    await page.context().close()
  })

  it('a road and a number inside a range: the committee, its next meeting and latest notice', async () => {
    const page = await ask('示例路120弄')
    await expect.poll(() => results(page).textContent()).toContain('示例路120弄属于下面这个居委会')
    expect(await committees(page)).toEqual(['示例居委会'])
    await expect
      .poll(() => results(page).locator('.lookup-latest').textContent())
      .toContain('近期会议：关于召开2026年第四季度居民代表会议的通知')
    await expect
      .poll(() => results(page).locator('.lookup-latest').textContent())
      .toContain('最新通知')
    await page.context().close()
  })

  it('a number outside every range says so plainly, lists the known ranges and links to the list', async () => {
    const page = await ask('示例路121弄')
    const text = await results(page).textContent()
    expect(text).toContain('示例路121弄不在本站登记的任何居委会辖区内')
    expect(text).toContain('示例路100–188弄（双号）')
    expect(await committees(page)).toEqual([])
    await results(page).getByRole('link', { name: '按地区查找居委会' }).click()
    await page.waitForURL(/\/zhao\/#directory$/)
    await page.context().close()
  })

  it('an address this site does not know says so and links to the list', async () => {
    const page = await ask('不存在的小区')
    expect(await results(page).textContent()).toContain('没有找到“不存在的小区”')
    expect(await results(page).getByRole('link', { name: '按地区查找居委会' }).count()).toBe(1)
    await page.context().close()
  })
})

describe('the answers, looked at', () => {
  it.each([390, 1280])(
    'at %i px, normal and 长辈模式: no serious or critical axe violation',
    async (width) => {
      const page = await ask('示例路120弄')
      await page.setViewportSize({ width, height: 844 })
      await expect.poll(() => results(page).locator('.lookup-latest p').count()).toBeGreaterThan(0)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({
        path: path.join(artifacts, `home-lookup-${width}.png`),
        fullPage: true,
      })
      await page.getByText('长辈模式', { exact: true }).first().click()
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({
        path: path.join(artifacts, `home-lookup-${width}-elder.png`),
        fullPage: true,
      })
      await page.context().close()
    },
  )
})

describe('without JavaScript', () => {
  it('the box submits to /zhao/, which lists every committee with its estates by district and street', async () => {
    const page = await ask('宝通家园', { javaScript: false })
    await page.getByRole('button', { name: '查找' }).click()
    await page.waitForURL(/\/zhao\/\?q=/)
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=宝通家园')
    const district = page.locator('details', { hasText: '宝通家园居委会' })
    await district.locator('summary').click()
    const item = district.locator('li', { hasText: '宝通家园居委会' })
    expect(await item.locator('.service-area').textContent()).toContain('宝通家园')
    await item.getByRole('link', { name: '宝通家园居委会' }).click()
    await page.waitForURL(new RegExp(`${routes.community('baotong-jiayuan')}$`))
    await page.context().close()
  })

  it('the home page’s box is a plain form that needs no script', () => {
    const html = readSite('index.html')
    expect(html).toMatch(/<form action="\/zhao\/" method="get" role="search"/)
  })
})

describe('the lookup index the build writes', () => {
  // Its size at 1,000 and 10,000 committees is measured in tests/lookup/ on generated ones.
  it('holds every committee, well under the budget of 30 KB gzipped for the first 1,000', () => {
    const json = readSite(routes.lookupIndex().slice(1))
    const index = JSON.parse(json) as { c: string[] }
    expect(index.c.length).toBe(64)
    expect(gzipSync(json).length).toBeLessThan(30 * 1024)
  })
})
