import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, axeViolations } from '../helpers/browser.ts'
import { ensureBuiltSite, siteDir } from '../helpers/builtSite.ts'
import { repoRoot } from '../helpers/paths.ts'
import { serveStatic } from '../../site/cli/serveStatic.ts'

/**
 * Each page type in headless Chromium, at a phone's and a desktop's width, in normal and 长辈模式:
 * axe-core finds no serious or critical violation, and no content outside the page's landmarks. Screenshots are kept in tests/artifacts/ to look at.
 */
const PAGE_TYPES: Record<string, string> = {
  home: '/',
  community: '/shequ/shili/',
  'community-without-notices': '/shequ/lijiang-shanshui/',
  'meeting-notice': '/shequ/shili/tongzhi/2026-11-jumin-daibiao-huiyi/',
  'expired-notice': '/shequ/shili/tongzhi/2025-01-jumin-daibiao-huiyi/',
  'finance-disclosure': '/shequ/shili/gongkai/2026-q3-jingfei-shouzhi/',
  'disclosure-catalogue': '/shequ/shili/gongkai/mulu/',
  'disclosure-catalogue-untracked': '/shequ/lijiang-shanshui/gongkai/mulu/',
  archive: '/shequ/shili/guidang/',
  'archive-year': '/shequ/shili/guidang/2026/',
  'case-library': '/anli/',
  'case-full-text': '/anli/lijiang-shanshui-yishihui/',
  'case-catalogue-record': '/anli/aibo-wucun-huozai-shanhou/',
  'facet-mechanism': '/anli/jizhi/tingzhenghui/',
  'brand-project': '/pinpai/qunying-jiayuan-yishihui/',
  district: '/qu/xuhui/',
  street: '/jiedao/huajing/',
  'find-committee': '/zhao/',
  'community-poster': '/shequ/shili/haibao/',
  'open-data': '/kaifang-shuju/',
  'not-found': '/no-such-page/',
}
const WIDTHS = [390, 1280]
const artifacts = path.join(repoRoot, 'tests/artifacts')

let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  await ensureBuiltSite()
  server = await serveStatic(siteDir)
  browser = await launchBrowser()
  mkdirSync(artifacts, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe.each(Object.entries(PAGE_TYPES))('%s', (name, url) => {
  it.each(WIDTHS)(
    'at %i px: no serious or critical axe violation, all content in landmarks, normal and 长辈模式',
    async (width) => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: 'zh-CN',
      })
      const page = await context.newPage()
      const response = await page.goto(server.url + url)
      expect(response?.status()).toBe(name === 'not-found' ? 404 : 200)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: path.join(artifacts, `${name}-${width}.png`), fullPage: true })

      await page.getByText('长辈模式', { exact: true }).first().click()
      const fontSize = await page.evaluate(() =>
        parseFloat(getComputedStyle(document.body).fontSize),
      )
      expect(fontSize).toBeGreaterThanOrEqual(20)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({
        path: path.join(artifacts, `${name}-${width}-elder.png`),
        fullPage: true,
      })
      await context.close()
    },
  )
})

describe('长辈模式', () => {
  it('works without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(server.url + PAGE_TYPES['meeting-notice'])
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    await page.getByText('长辈模式', { exact: true }).first().click()
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    expect(before).toBeLessThan(20)
    expect(after).toBeGreaterThanOrEqual(20)
    await context.close()
  })

  it('is remembered from page to page when JavaScript is available', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } })
    const page = await context.newPage()
    await page.goto(server.url + '/')
    await page.getByText('长辈模式', { exact: true }).first().click()
    await page.goto(server.url + PAGE_TYPES['community'])
    expect(
      await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)),
    ).toBeGreaterThanOrEqual(20)
    await context.close()
  })
})
