import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'node-html-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { launchBrowser } from '../helpers/browser.ts'
import { repoRoot } from '../helpers/paths.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'
import { HEADER, xlsx } from '../helpers/spreadsheets.ts'
import { startStack, type Stack } from '../helpers/stack.ts'

/**
 * The 居务公开 catalogue and the finance import on what `npm start` runs, in Chromium through the
 * real admin: a street supervisor sees which of their communities are behind and why, an editor
 * their own overdue and soon-due items, with the numbers the served 公开目录 pages show; an editor
 * imports a quarter's finance table from an Excel file. A second tracked community, with nothing
 * published, is added to the demo street so the supervisor has a ranking to read, and another in
 * a street of another district, which only the admin may see.
 */
vi.setConfig({ testTimeout: 240_000 })

let stack: Stack
let browser: Browser
let api: ReturnType<typeof restClient>
let admin: Session
const PASSWORD = 'Staff-pass-12345'
const artifacts = path.join(repoRoot, 'tests/artifacts')

beforeAll(async () => {
  stack = await startStack()
  api = restClient(stack.adminUrl)
  admin = await api.firstAdmin(PASSWORD)
  const id = async (collection: string, slug: string) =>
    (await api.get(admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)).json.docs[0].id
  const street = await id('streets', 'shili-jiedao')
  const second = await api.post(admin, '/api/communities', {
    name: '示例二村居委会',
    slug: 'shili-ercun',
    kind: 'residents-committee',
    street,
    district: await id('districts', 'shili-qu'),
    demo: true,
    trackedSince: '2026-01-01T00:00:00+08:00',
    _status: 'published',
  })
  expect(second.status, JSON.stringify(second.json)).toBe(201)
  // A tracked community of another street: the city's admin sees it, the supervisor does not.
  const elsewhere = (await api.get(admin, '/api/streets?where[slug][equals]=baozhen&depth=0')).json
    .docs[0]
  const other = await api.post(admin, '/api/communities', {
    name: '堡镇示例居委会',
    slug: 'baozhen-shili',
    kind: 'residents-committee',
    street: elsewhere.id,
    district: elsewhere.district,
    demo: true,
    trackedSince: '2026-01-01T00:00:00+08:00',
    _status: 'published',
  })
  expect(other.status, JSON.stringify(other.json)).toBe(201)
  for (const user of [
    {
      email: 'editor@example.test',
      name: '示例编辑',
      role: 'editor',
      communities: [await id('communities', 'shili')],
    },
    { email: 'supervisor@example.test', name: '街道督导', role: 'supervisor', streets: [street] },
  ])
    expect((await api.post(admin, '/api/users', { ...user, password: PASSWORD })).status).toBe(201)
  browser = await launchBrowser()
  mkdirSync(artifacts, { recursive: true })
  // The new community's page is served once the rebuild its publication asked for is done.
  const deadline = Date.now() + 180_000
  while ((await fetch(`${stack.siteUrl}/shequ/shili-ercun/gongkai/mulu/`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`no rebuild:\n${stack.log().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

async function loggedIn(email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(60_000)
  const page = await context.newPage()
  await page.goto(`${stack.adminUrl}/admin/login`, { waitUntil: 'networkidle' })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

/** The counts the served 公开目录 page of a community shows. */
async function publicCounts(community: string) {
  const html = await (await fetch(`${stack.siteUrl}/shequ/${community}/gongkai/mulu/`)).text()
  const panel = parse(html).querySelector('[data-overdue]')!
  return {
    overdue: Number(panel.getAttribute('data-overdue')),
    dueSoon: Number(panel.getAttribute('data-due-soon')),
  }
}

describe('a street supervisor’s dashboard', () => {
  it('ranks the street’s communities by overdue items, with the public page’s numbers and the reasons', async () => {
    const page = await loggedIn('supervisor@example.test')
    const ranking = page.locator('[data-catalogue="ranking"]')
    await ranking.waitFor()
    expect(await ranking.locator('h3').textContent()).toBe('各居委会的居务公开情况')
    const rows = await ranking.locator('li[data-community]').evaluateAll((items) =>
      items.map((li) => ({
        community: li.getAttribute('data-community')!,
        overdue: Number(li.getAttribute('data-overdue')),
        dueSoon: Number(li.getAttribute('data-due-soon')),
      })),
    )
    // Not 堡镇示例居委会, tracked and behind too, but in a street the supervisor does not oversee.
    expect(rows.map((r) => r.community).sort()).toEqual(['shili', 'shili-ercun'])
    expect(await ranking.textContent()).not.toContain('堡镇')
    expect(rows.map((r) => r.overdue)).toEqual(
      [...rows.map((r) => r.overdue)].sort((a, b) => b - a),
    )
    for (const row of rows)
      expect({ overdue: row.overdue, dueSoon: row.dueSoon }, row.community).toEqual(
        await publicCounts(row.community),
      )
    // Nothing published since tracking began in January: the quarterly finances are late, and why.
    const second = ranking.locator('li[data-community="shili-ercun"]')
    expect(await second.textContent()).toMatch(
      /居委会经费收支：2026年第一季度应于2026年4月15日前公开；.*已逾期 \d+ 天/,
    )
    expect(await second.getByRole('link', { name: '公开目录' }).getAttribute('href')).toBe(
      `${stack.siteUrl}/shequ/shili-ercun/gongkai/mulu/`,
    )
    await page.screenshot({
      path: path.join(artifacts, 'dashboard-supervisor-1280.png'),
      fullPage: true,
    })
    await page.setViewportSize({ width: 390, height: 900 })
    await page.screenshot({
      path: path.join(artifacts, 'dashboard-supervisor-390.png'),
      fullPage: true,
    })
    await page.context().close()
  })
})

describe('an admin’s dashboard', () => {
  it('ranks every tracked community of the city and counts the untracked ones apart', async () => {
    const page = await loggedIn('admin@example.test')
    const ranking = page.locator('[data-catalogue="ranking"]')
    await ranking.waitFor()
    expect(await ranking.locator('h3').textContent()).toBe('全市居委会的居务公开情况')
    expect(
      (
        await ranking
          .locator('li[data-community]')
          .evaluateAll((items) => items.map((li) => li.getAttribute('data-community')))
      ).sort(),
    ).toEqual(['baozhen-shili', 'shili', 'shili-ercun'])
    const communities = (await api.get(anonymous, '/api/communities?limit=0')).json.totalDocs
    expect(await ranking.textContent()).toContain(
      `另有 ${communities - 3} 个居委会尚未纳入公开目录跟踪`,
    )
    await page.context().close()
  })
})

describe('an editor’s dashboard', () => {
  it('lists their overdue items and those due within 14 days, as many as the public page counts', async () => {
    const page = await loggedIn('editor@example.test')
    const panel = page.locator('[data-catalogue="editor"]')
    await panel.waitFor()
    const counts = await panel
      .locator('h4[data-count]')
      .evaluateAll((hs) => hs.map((h) => Number(h.getAttribute('data-count'))))
    const shown = await publicCounts('shili')
    expect(counts).toEqual([shown.overdue, shown.dueSoon])
    expect(await panel.locator('ul').first().locator('li').count()).toBe(shown.overdue)
    if (shown.overdue > 0) expect(await panel.textContent()).toContain('小区公共收益收支')
    // The supervisor's second community is not the editor's.
    expect(await page.locator('[data-catalogue="ranking"]').count()).toBe(0)
    expect(await panel.textContent()).not.toContain('示例二村')
    await page.screenshot({
      path: path.join(artifacts, 'dashboard-editor-1280.png'),
      fullPage: true,
    })
    await page.setViewportSize({ width: 390, height: 900 })
    await page.screenshot({
      path: path.join(artifacts, 'dashboard-editor-390.png'),
      fullPage: true,
    })
    await page.context().close()
  })
})

describe('an editor imports a quarter’s finance table from Excel', () => {
  it('sees every row’s problem first, then applies a good file; the draft gets the rows and exact totals', async () => {
    const disclosure = (
      await api.get(admin, '/api/disclosures?where[slug][equals]=2026-q3-jingfei-shouzhi&depth=0')
    ).json.docs[0]
    const dir = path.join(artifacts, 'import')
    mkdirSync(dir, { recursive: true })
    const bad = path.join(dir, '第三季度-有错.xlsx')
    writeFileSync(
      bad,
      await xlsx([HEADER, ['上季度结余', '收入', 1200], ['办公用品', '支出', '三百五']]),
    )
    const good = path.join(dir, '第三季度.xlsx')
    writeFileSync(
      good,
      await xlsx([
        HEADER,
        ['上季度结余', '收入', 1200],
        ['街道拨付工作经费', '收入', 15000, '第三季度'],
        ['办公用品', '支出', 356.5, '发票12张'],
        ['睦邻活动材料', '支出', 0.1],
        ['打印复印', '支出', 0.2],
      ]),
    )

    const page = await loggedIn('editor@example.test')
    const started = Date.now()
    await page.goto(`${stack.adminUrl}/admin/collections/disclosures/${disclosure.id}`, {
      waitUntil: 'networkidle',
    })
    const panel = page.locator('[data-line-item-import]')
    await panel.waitFor()
    await panel.locator('input[type="file"]').setInputFiles(bad)
    await panel.locator('[data-problems]').waitFor()
    expect(await panel.locator('[data-problems] li').allTextContents()).toEqual([
      '第 3 行：金额不是数字（“三百五”）',
    ])
    expect(await panel.locator('button').count()).toBe(0)
    await page.screenshot({
      path: path.join(artifacts, 'admin-import-problems.png'),
      fullPage: true,
    })

    await panel.locator('input[type="file"]').setInputFiles(good)
    await panel.getByText('每一行都没有问题。').waitFor()
    expect(await panel.locator('[data-totals]').textContent()).toBe(
      '收入合计 16200.00 元，支出合计 356.80 元，结余 15843.20 元。',
    )
    await page.screenshot({
      path: path.join(artifacts, 'admin-import-preview.png'),
      fullPage: true,
    })
    await Promise.all([
      page.waitForEvent('load'),
      panel.getByRole('button', { name: /^用这 5 条明细替换现有的 \d+ 条并保存为草稿$/ }).click(),
    ])
    await page.locator('#field-lineItems').waitFor()
    const seconds = (Date.now() - started) / 1000
    writeFileSync(
      path.join(artifacts, 'import-timing.txt'),
      `edit view → imported draft: ${seconds.toFixed(1)} s\n`,
    )

    const draft = (await api.get(admin, `/api/disclosures/${disclosure.id}?draft=true&depth=0`))
      .json
    expect(draft._status).toBe('draft')
    expect(
      draft.lineItems.map((l: { item: string; direction: string; amount: number }) => [
        l.item,
        l.direction,
        l.amount,
      ]),
    ).toEqual([
      ['上季度结余', 'income', 1200],
      ['街道拨付工作经费', 'income', 15000],
      ['办公用品', 'expense', 356.5],
      ['睦邻活动材料', 'expense', 0.1],
      ['打印复印', 'expense', 0.2],
    ])
    expect(draft.totals).toEqual({ income: 16200, expense: 356.8, balance: 15843.2 })
    // The form shows the saved rows.
    const values = await page
      .locator('#field-lineItems input[type="text"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(values).toContain('街道拨付工作经费')
    await page.screenshot({
      path: path.join(artifacts, 'admin-import-applied.png'),
      fullPage: true,
    })
    await page.context().close()
  })
})
