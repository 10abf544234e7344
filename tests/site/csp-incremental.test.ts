import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { headersFor } from '../../site/cli/securityHeaders.ts'

/**
 * The Content-Security-Policy allows the inline code the built pages contain. An incremental build
 * reads only the pages it rendered and removed, keeping the rest from its state; the policy must
 * still be exactly the one a reading of every page gives.
 */
const work = mkdtempSync(path.join(tmpdir(), 'csp-'))
const site = path.join(work, 'site')
afterAll(() => rmSync(work, { recursive: true, force: true }))

const page = (file: string, html: string) => {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true })
  writeFileSync(path.join(site, file), `<!doctype html><html><body>${html}</body></html>`)
}
const policy = (stateDir?: string, changes?: { rendered: string[]; removed: string[] }) =>
  headersFor(site, stateDir, changes)['Content-Security-Policy']!
const hashOf = async (text: string) =>
  `'sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('base64')}'`

describe('the policy after an incremental build', () => {
  it('is the policy of a full reading, with removed and changed pages forgotten', async () => {
    page('index.html', '<script>one()</script><p style="color:red">x</p>')
    page('a/index.html', '<script>two()</script>')
    page('b/index.html', '<script type="application/ld+json">{}</script><style>p{}</style>')
    const state = path.join(work, 'state')
    const first = policy(state, { rendered: [], removed: [] }) // no state yet: reads every page
    for (const code of ['one()', 'two()', 'p{}', 'color:red'])
      expect(first).toContain(await hashOf(code))
    expect(first).not.toContain(await hashOf('{}'))

    // The next build renders a/ again with other code, renders a new page and removes index.html.
    page('a/index.html', '<script>three()</script>')
    page('c/index.html', '<p style="margin:0">y</p>')
    rmSync(path.join(site, 'index.html'))
    const incremental = policy(state, {
      rendered: ['a/index.html', 'c/index.html', 'c/feed.xml'],
      removed: ['index.html'],
    })
    expect(incremental).toBe(policy())
    expect(incremental).toContain(await hashOf('three()'))
    expect(incremental).toContain(await hashOf('margin:0'))
    for (const gone of ['one()', 'two()', 'color:red'])
      expect(incremental).not.toContain(await hashOf(gone))
  })
})
