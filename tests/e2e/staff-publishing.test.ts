import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import ICAL from 'ical.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { launchBrowser } from '../helpers/browser.ts'
import { repoRoot } from '../helpers/paths.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'
import { startStack, type Stack } from '../helpers/stack.ts'

/**
 * A committee editor's day, end to end, on what `npm start` runs: the real admin UI in Chromium,
 * the site builder, the served public site. Times are measured from pressing 发布 to the page
 * being served, and written to tests/artifacts/publish-to-live.txt.
 */
// A publish waits for a real site rebuild, which on a loaded CI machine can take a minute or more.
vi.setConfig({ testTimeout: 240_000 })

let stack: Stack
let browser: Browser
let api: ReturnType<typeof restClient>
let admin: Session
const PASSWORD = 'Staff-pass-12345'
const TITLE = '关于召开2026年12月居民代表会议的通知（端到端测试）'
const DISCLOSURE = '2026年11月楼道整治经费公开（端到端测试）'
const timings: string[] = []

beforeAll(async () => {
  stack = await startStack()
  api = restClient(stack.adminUrl)
  admin = await api.firstAdmin(PASSWORD)
  const id = async (collection: string, slug: string) =>
    (await api.get(admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)).json.docs[0].id
  const users = [
    {
      email: 'editor-a@example.test',
      name: '示例编辑',
      role: 'editor',
      communities: [await id('communities', 'shili')],
    },
    {
      email: 'editor-b@example.test',
      name: '漓江编辑',
      role: 'editor',
      communities: [await id('communities', 'lijiang-shanshui')],
    },
    {
      email: 'supervisor@example.test',
      name: '街道督导',
      role: 'supervisor',
      streets: [await id('streets', 'shili-jiedao')],
    },
  ]
  for (const user of users)
    expect((await api.post(admin, '/api/users', { ...user, password: PASSWORD })).status).toBe(201)
  browser = await launchBrowser()
})

afterAll(async () => {
  mkdirSync(path.join(repoRoot, 'tests/artifacts'), { recursive: true })
  writeFileSync(
    path.join(repoRoot, 'tests/artifacts/publish-to-live.txt'),
    `${timings.join('\n')}\n`,
  )
  await browser?.close()
  await stack?.stop()
})

async function loggedIn(email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  // A step that cannot happen fails on its own, naming the step, well inside the test's time limit.
  context.setDefaultTimeout(45_000)
  const page = await context.newPage()
  await page.goto(`${stack.adminUrl}/admin/login`, { waitUntil: 'networkidle' })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

async function choose(page: Page, field: string, text: string) {
  await page.locator(`#field-${field}`).click()
  await page.keyboard.type(text)
  await page.getByRole('option', { name: text }).first().click()
}

/** Polls the served site until `url` contains `text`; returns the seconds it took from `since`. */
async function servedWithin(url: string, text: string, since: number, timeoutMs = 150_000) {
  for (;;) {
    const response = await fetch(stack.siteUrl + url)
    if (response.ok && (await response.text()).includes(text)) return (Date.now() - since) / 1000
    if (Date.now() - since > timeoutMs)
      throw new Error(
        `${url} did not show "${text}" within ${timeoutMs / 1000}s\n${stack.log().slice(-2000)}`,
      )
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** The edit view of a saved document (the create view's address, …/create, would match at once). */
const SAVED = (collection: string) =>
  new RegExp(`/admin/collections/${collection}/(?!create$)[^/]+$`)

/**
 * Presses the save/publish button and waits for the saved document's view. If it does not come, the
 * error says why: the field values as the form holds them, the admin's messages, the CMS log tail.
 */
async function save(page: Page, collection: string, title: string) {
  await page.click('#action-save')
  try {
    await page.waitForURL(SAVED(collection), { timeout: 60_000 })
  } catch (error) {
    await page.screenshot({
      path: path.join(repoRoot, `tests/artifacts/save-failed-${collection}.png`),
      fullPage: true,
    })
    const messages = await page
      .locator('[data-sonner-toast], .field-error, .tooltip--show')
      .allTextContents()
    const held = await page
      .locator('#field-title')
      .inputValue()
      .catch(() => '?')
    throw new Error(
      `saving ${collection} "${title}" did not finish (title field holds "${held}"; messages: ${messages.join(' | ')})\n${stack.log().slice(-3000)}`,
      { cause: error },
    )
  }
}

const findBy = async (collection: string, title: string) =>
  (
    await api.get(
      admin,
      `/api/${collection}?where[title][equals]=${encodeURIComponent(title)}&draft=true&depth=0`,
    )
  ).json.docs[0]

describe('a community editor publishes a meeting notice', () => {
  let noticeId: string | number

  it('writes it in Chinese in the admin, publishes it, and residents see it on the community page', async () => {
    const page = await loggedIn('editor-a@example.test')
    // Typing before the form has hydrated would be wiped by React (seen on a loaded CI machine).
    await page.goto(`${stack.adminUrl}/admin/collections/notices/create`, {
      waitUntil: 'networkidle',
    })
    await page.fill('#field-title', TITLE)
    await choose(page, 'kind', '会议通知')
    // The community picker offers only the editor's own communities.
    await page.locator('#field-community').click()
    await page.keyboard.type('漓江')
    await page.waitForTimeout(1500)
    expect(await page.getByRole('option', { name: '漓江山水居委会' }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.locator('#field-community input').fill('')
    await choose(page, 'community', '示例居委会')
    await page.locator('#field-meeting__startsAt input').fill('2026-12-20 14:00')
    await page.keyboard.press('Enter')
    await page.locator('#field-meeting__endsAt input').fill('2026-12-20 16:00')
    await page.keyboard.press('Enter')
    await page.fill('#field-meeting__place', '居委会二楼会议室')
    await page.locator('.rich-text-lexical [contenteditable="true"]').click()
    await page.keyboard.type('请各位居民代表准时参加，会议讨论楼道整治方案。')
    const pressed = Date.now()
    await save(page, 'notices', TITLE)
    const seconds = await servedWithin('/shequ/shili/', TITLE, pressed)
    timings.push(`notice: publish → served on the community page in ${seconds.toFixed(1)} s`)
    const doc = await findBy('notices', TITLE)
    expect(doc._status).toBe('published')
    noticeId = doc.id
    await page.context().close()
  })

  it('its calendar file downloads with the meeting time (14:00 Beijing = 06:00 UTC) and place', async () => {
    const doc = (await api.get(admin, `/api/notices/${noticeId}?depth=0`)).json
    const response = await fetch(`${stack.siteUrl}/shequ/shili/tongzhi/${doc.slug}.ics`)
    expect(response.status).toBe(200)
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent')!,
    )
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-20T06:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-20T08:00:00.000Z')
    expect(event.location).toBe('居委会二楼会议室')
  })

  it('an editor of another community cannot open it for editing, nor change it through the API', async () => {
    const page = await loggedIn('editor-b@example.test')
    // Published notices are public, so the admin may show it, but read-only: no field to type in,
    // no save or publish button.
    await page.goto(`${stack.adminUrl}/admin/collections/notices/${noticeId}`, {
      waitUntil: 'networkidle',
    })
    await page.screenshot({
      path: path.join(repoRoot, 'tests/artifacts/admin-other-community-notice.png'),
      fullPage: true,
    })
    const title = page.locator('#field-title')
    expect(
      (await title.count()) === 0 || (await title.isDisabled()) || !(await title.isEditable()),
    ).toBe(true)
    expect(await page.locator('#action-save, #action-save-draft').count()).toBe(0)
    const other = await api.login('editor-b@example.test', PASSWORD)
    const attempt = await api.patch(other, `/api/notices/${noticeId}`, {
      title: '被另一居委会改掉',
    })
    expect([403, 404]).toContain(attempt.status)
    expect((await api.get(admin, `/api/notices/${noticeId}?depth=0`)).json.title).toBe(TITLE)
    await page.context().close()
  })
})

describe('a disclosure published by an editor', () => {
  it('stays unpublished until a street supervisor approves it, then goes live', async () => {
    const editor = await loggedIn('editor-a@example.test')
    await editor.goto(`${stack.adminUrl}/admin/collections/disclosures/create`, {
      waitUntil: 'networkidle',
    })
    await editor.fill('#field-title', DISCLOSURE)
    await choose(editor, 'category', '财务')
    await choose(editor, 'community', '示例居委会')
    await editor.fill('#field-period__year', '2026')
    await editor.fill('#field-period__month', '11')
    await save(editor, 'disclosures', DISCLOSURE)
    const held = await findBy('disclosures', DISCLOSURE)
    expect(held._status).toBe('draft')
    expect(held.review.state).toBe('submitted')
    expect((await api.get(anonymous, `/api/disclosures/${held.id}`)).status).toBe(404)
    await editor.context().close()

    const supervisor = await loggedIn('supervisor@example.test')
    // The dashboard the supervisor lands on lists it among the disclosures waiting for them, counted.
    const waiting = supervisor
      .locator('section')
      .filter({ has: supervisor.locator('h3', { hasText: '等待您审核的居务公开' }) })
    await waiting.waitFor()
    expect(await waiting.locator('h3').textContent()).toMatch(/^等待您审核的居务公开（[1-9]\d*）$/)
    expect(await waiting.getByRole('link', { name: DISCLOSURE }).count()).toBe(1)
    await supervisor.goto(`${stack.adminUrl}/admin/collections/disclosures/${held.id}`)
    expect(await supervisor.locator('#field-title').inputValue()).toBe(DISCLOSURE)
    const pressed = Date.now()
    await supervisor.click('#action-save')
    const doc = await (async () => {
      for (;;) {
        const current = await findBy('disclosures', DISCLOSURE)
        if (current._status === 'published') return current
        await new Promise((r) => setTimeout(r, 200))
      }
    })()
    expect(doc.review.state).toBe('approved')
    const seconds = await servedWithin(`/shequ/shili/gongkai/${doc.slug}/`, DISCLOSURE, pressed)
    timings.push(`disclosure: supervisor's publish → served in ${seconds.toFixed(1)} s`)
    await supervisor.context().close()
  })
})

describe('previewing a draft', () => {
  it('renders it with the public page template for its own staff only, and never publishes it', async () => {
    const editor = await api.login('editor-a@example.test', PASSWORD)
    const shili = (await api.get(admin, '/api/communities?where[slug][equals]=shili&depth=0')).json
      .docs[0].id
    const title = '预览用草稿：关于更换楼道灯的通知'
    const created = await api.post(editor, '/api/notices?draft=true', {
      title,
      slug: 'yulan-caogao',
      kind: 'other',
      community: shili,
      _status: 'draft',
    })
    expect(created.status, `${JSON.stringify(created.json)}\n${stack.log().slice(-3000)}`).toBe(201)
    const id = created.json.doc.id

    // The admin's 预览 button links to the site's preview endpoint with the editor's token.
    const page = await loggedIn('editor-a@example.test')
    await page.goto(`${stack.adminUrl}/admin/collections/notices/${id}`, {
      waitUntil: 'networkidle',
    })
    await page.screenshot({ path: path.join(repoRoot, 'tests/artifacts/admin-preview-button.png') })
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page
        .getByRole('button', { name: '预览' })
        .or(page.getByRole('link', { name: '预览' }))
        .first()
        .click(),
    ])
    expect(popup.url()).toContain(`/_preview/notices/${id}?token=`)
    await popup.close()
    await page.context().close()

    const preview = await fetch(`${stack.siteUrl}/_preview/notices/${id}?token=${editor.token}`)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain(title)
    expect(html).toContain('预览：这是尚未发布的草稿')
    expect(html).toContain('noindex')
    expect(html).toContain('<html lang="zh-CN"')

    const other = await api.login('editor-b@example.test', PASSWORD)
    expect(
      (await fetch(`${stack.siteUrl}/_preview/notices/${id}?token=${other.token}`)).status,
    ).toBe(404)
    expect((await fetch(`${stack.siteUrl}/_preview/notices/${id}`)).status).toBe(401)
    expect((await fetch(`${stack.siteUrl}/shequ/shili/tongzhi/yulan-caogao/`)).status).toBe(404)
    expect(await (await fetch(`${stack.siteUrl}/shequ/shili/`)).text()).not.toContain(title)
  })

  it('tells the editor which fields a draft still lacks, in the words of the form', async () => {
    const editor = await api.login('editor-a@example.test', PASSWORD)
    const shili = (await api.get(admin, '/api/communities?where[slug][equals]=shili&depth=0')).json
      .docs[0].id
    const created = await api.post(editor, '/api/notices?draft=true', {
      title: '预览用草稿：还没选类别',
      community: shili,
      _status: 'draft',
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const preview = await fetch(
      `${stack.siteUrl}/_preview/notices/${created.json.doc.id}?token=${editor.token}`,
    )
    expect(preview.status).toBe(422)
    expect(await preview.text()).toContain(
      '这份草稿还不能预览：请先填写“类别”，保存草稿后再点“预览”。',
    )
  })
})
