import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { routes } from '../../site/lib/routes.ts'
import { serveStatic } from '../../site/cli/serveStatic.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { ensureBuiltSite } from '../helpers/builtSite.ts'
import { openSearch } from '../helpers/searchPage.ts'

/**
 * The public site as `npm start` serves it sends a Content-Security-Policy without inline script
 * (the build hashes the few inline scripts it has), nosniff, a referrer policy and frame-ancestors,
 * on pages, files and 404s alike; in Chromium no page breaks the policy, 长辈模式 is remembered
 * across pages and the search page still searches.
 */
let server: Awaited<ReturnType<typeof serveStatic>>
let browser: Browser

beforeAll(async () => {
  server = await serveStatic(await ensureBuiltSite())
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const PAGES = [
  routes.home(),
  routes.community('shili'),
  routes.notice('shili', '2026-11-jumin-daibiao-huiyi'),
  routes.cases(),
  routes.brandProjects(),
  routes.search(),
]

describe('headers', () => {
  it.each([...PAGES, '/files/shili-cover.png', '/rss.xml', '/no-such-page/'])(
    '%s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/)
          return [name, values]
        }),
      )
      expect(directives['default-src']).toEqual(["'self'"])
      expect(directives['script-src']).not.toContain("'unsafe-inline'")
      expect(directives['script-src']).not.toContain("'unsafe-eval'")
      expect(directives['script-src']!.some((v: string) => v.startsWith("'sha256-"))).toBe(true)
      expect(directives['style-src']).not.toContain("'unsafe-inline'")
      expect(directives['object-src']).toEqual(["'none'"])
      expect(directives['frame-ancestors']).toEqual(["'none'"])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    },
  )

  it('the headers file, paths outside the site and broken escapes are 404s, not crashes', async () => {
    expect((await fetch(`${server.url}/_headers`)).status).toBe(404)
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(404)
    expect((await fetch(`${server.url}/..%2F..%2Fpackage.json`)).status).toBe(404)
    expect((await fetch(`${server.url}/`)).status).toBe(200)
  })
})

/** Collects the page's CSP violations (the event the browser fires for each refused script or style). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      )
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

describe('in Chromium', () => {
  it('no page breaks the policy, and 长辈模式 is remembered from page to page', async () => {
    const page = await browser.newPage()
    const violations = await watchViolations(page)
    for (const path of PAGES) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
      expect(violations, path).toEqual([])
    }
    await page.goto(`${server.url}${routes.home()}`)
    await page.locator('label[for="elder-mode"]').first().click()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(
      true,
    )
    await page.goto(`${server.url}${routes.community('shili')}`)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(
      true,
    )
    expect(await page.locator('#elder-mode').isChecked()).toBe(true)
    expect(violations).toEqual([])
    await page.close()
  })

  it('the search page searches, titles first and in full text, without a violation', async () => {
    const page = await browser.newPage()
    const violations = await watchViolations(page)
    const titles = await openSearch(page, server.url, { q: '会议' })
    expect(titles.results.length).toBeGreaterThan(0)
    const full = await openSearch(page, server.url, { q: '听证', full: '1' })
    expect(full.scope).toBe('full')
    expect(full.results.length).toBeGreaterThan(0)
    expect(violations).toEqual([])
    await page.close()
  })
})
