import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveStatic } from '../../site/cli/serveStatic.ts'
import { routes } from '../../site/lib/routes.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { ensureBuiltSite, siteDir } from '../helpers/builtSite.ts'
import { repoRoot } from '../helpers/paths.ts'
import { decodeQr } from '../helpers/qr.ts'

/**
 * 一告一码, tested as a committee would use it: Chromium prints the page to an A4 PDF, pdftoppm
 * (poppler-utils) turns the sheet into an image, and the QR code read back from that image is the
 * item's own address. The page images are kept in tests/artifacts/print/ to look at.
 */
const SITE = 'https://example.org'
const artifacts = path.join(repoRoot, 'tests/artifacts/print')
let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  await ensureBuiltSite()
  server = await serveStatic(siteDir)
  browser = await launchBrowser()
  rmSync(artifacts, { recursive: true, force: true })
  mkdirSync(artifacts, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Prints a page to A4 and rasterises it: the PDF's text and one PNG per sheet. */
async function printed(url: string, name: string, elder = false) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  await page.goto(server.url + url)
  if (elder) await page.getByText('长辈模式', { exact: true }).first().click()
  await page.emulateMedia({ media: 'print' })
  const pdf = path.join(artifacts, `${name}.pdf`)
  await page.pdf({ path: pdf, format: 'A4', printBackground: true })
  await context.close()
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, path.join(artifacts, name)])
  const sheets = readdirSync(artifacts)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => path.join(artifacts, file))
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
  return { sheets, text }
}

describe('a notice printed for the notice board', () => {
  const url = routes.notice('shili', '2026-11-jumin-daibiao-huiyi')

  it('an A4 sheet whose QR code is this notice’s address, with the version date beside it', async () => {
    const { sheets, text } = await printed(url, 'notice')
    const { width, height } = await sharp(sheets[0]).metadata()
    expect(Math.round((height! / width!) * 100)).toBe(141) // A4: 297 / 210
    expect(await decodeQr(sheets[0])).toBe(SITE + url)
    // The QR code's column, in reading order: 扫码看网上版本, 版本日期, the date.
    expect(text.replace(/\s+/g, '')).toMatch(/扫码看网上版本版本日期\d{4}年\d{1,2}月\d{1,2}日/)
  })

  it('in large type with the committee’s name, office and phone and the date; no site navigation', async () => {
    const { text } = await printed(url, 'notice-text')
    for (const expected of [
      '示例居委会',
      '021-5555-0101',
      '示例路100弄1号',
      '发布日期',
      '2026年11月20日',
    ])
      expect(text, expected).toContain(expected)
    for (const absent of ['案例库', '品牌项目', '长辈模式', '复制到居民群', 'RSS 订阅'])
      expect(text).not.toContain(absent)
  })

  it('the same in 长辈模式 (print type does not depend on the screen mode)', async () => {
    const { sheets } = await printed(url, 'notice-elder', true)
    expect(await decodeQr(sheets[0])).toBe(SITE + url)
  })
})

describe('a disclosure printed for the notice board', () => {
  it('its QR code is its own address', async () => {
    const url = routes.disclosure('shili', '2026-q3-jingfei-shouzhi')
    const { sheets, text } = await printed(url, 'disclosure')
    expect(await decodeQr(sheets[0])).toBe(SITE + url)
    expect(text).toContain('收支明细')
  })
})

describe('the community poster', () => {
  it('one A4 sheet: QR codes to the committee’s page and to its calendar (webcal:// for iPhones), and how to subscribe', async () => {
    const { sheets, text } = await printed(routes.communityPoster('shili'), 'poster')
    expect(sheets).toHaveLength(1)
    const { width, height } = await sharp(sheets[0]).metadata()
    // The three codes side by side in the top half: a third of the width holds each.
    const third = async (k: number) =>
      decodeQr(
        await sharp(sheets[0])
          .extract({
            left: Math.floor((k * width!) / 3),
            top: 0,
            width: Math.floor(width! / 3),
            height: Math.floor(height! / 2),
          })
          .png()
          .toBuffer(),
      )
    expect(await third(0)).toBe(SITE + routes.community('shili'))
    expect(await third(1)).toBe(SITE + routes.communityCalendar('shili'))
    // The one an iPhone subscribes to (and keeps up to date).
    const subscription = 'webcal://example.org' + routes.communityCalendar('shili')
    expect(await third(2)).toBe(subscription)
    for (const expected of ['iPhone', '华为手机', '小米手机', '扫码订阅会议日历', '021-5555-0101'])
      expect(text, expected).toContain(expected)
  })

  it('every committee has one, and a calendar to subscribe to even before its first meeting', async () => {
    const page = await browser.newPage()
    for (const slug of ['lijiang-shanshui', 'baotong-jiayuan']) {
      expect((await page.goto(server.url + routes.community(slug)))?.status()).toBe(200)
      const subscribe = page.getByRole('link', { name: /iPhone 点此订阅/ })
      expect(await subscribe.getAttribute('href')).toBe(
        'webcal://example.org' + routes.communityCalendar(slug),
      )
      expect((await page.goto(server.url + routes.communityPoster(slug)))?.status()).toBe(200)
      const calendar = await page.request.get(server.url + routes.communityCalendar(slug))
      expect(calendar.status()).toBe(200)
      expect(await calendar.text()).toContain('BEGIN:VCALENDAR')
    }
    await page.close()
  })
})
