import { execFileSync } from 'node:child_process'
import { realpathSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { SITE_BUILD_FAILURES } from '../../cms/globals/SiteBuild/index.ts'
import { argvOf, childrenOf, processName } from '../../site/bench/processTree.ts'
import { restClient, type Session } from '../helpers/rest.ts'
import { startStack, type Stack } from '../helpers/stack.ts'
import { until } from '../helpers/until.ts'

/**
 * The disk fills up while the site builder builds: a real file-size limit, set with `prlimit` on the
 * running build process, so its writes fail as on a full disk. The build fails, the admin's site
 * status says the disk is full, the served site stays exactly as it was, and the next try, with room
 * again, publishes the change.
 */
vi.setConfig({ testTimeout: 600_000 })

let stack: Stack
let api: ReturnType<typeof restClient>
let admin: Session

beforeAll(async () => {
  stack = await startStack()
  api = restClient(stack.adminUrl)
  admin = await api.firstAdmin('Admin-pass-12345')
})
afterAll(() => stack?.stop())

const waitFor = <T>(what: string, check: () => T | Promise<T>) =>
  until(what, check, { every: 100, detail: () => stack.log().slice(-3000) })

const page = async (path: string) => {
  const response = await fetch(`${stack.siteUrl}${path}`)
  return { status: response.status, text: await response.text() }
}
const siteBuild = async () => (await api.get(admin, '/api/globals/site-build')).json

describe('the disk fills up during a site build', () => {
  it('fails the build with a clear status, keeps the served site, and publishes once there is room', async () => {
    const served = realpathSync(stack.env.DIST_DIR!)
    const communityPage = await page('/shequ/shili/')
    expect(communityPage.status).toBe(200)
    const community = (await api.get(admin, '/api/communities?where[slug][equals]=shili&depth=0'))
      .json.docs[0].id

    const { status } = await api.post(admin, '/api/notices', {
      title: '磁盘写满时的网站更新',
      slug: 'cipan-man-goujian',
      kind: 'other',
      community,
      _status: 'published',
    })
    expect(status).toBe(201)
    const build = await waitFor('the site build starting', () =>
      childrenOf(stack.pid).find((pid) => processName(argvOf(pid)) === 'node cli/build.ts'),
    )
    // From now on no file of the build (or of anything it starts) may grow past 4 KB.
    execFileSync('prlimit', ['--pid', String(build), '--fsize=4096'])

    const failed = await waitFor('the build failing', async () => {
      const status = await siteBuild()
      return status.state === 'failed' && status
    })
    expect(failed.error.split('\n\n')[0]).toBe(SITE_BUILD_FAILURES.diskFull)
    expect(failed.error).toMatch(/EFBIG|File too large/)
    // Residents still get the site as it was: the same generation, the same pages.
    expect(realpathSync(stack.env.DIST_DIR!)).toBe(served)
    expect(await page('/shequ/shili/')).toEqual(communityPage)
    expect((await page('/shequ/shili/tongzhi/cipan-man-goujian/')).status).toBe(404)

    // The job queue tries again; that build has room and publishes the notice.
    await waitFor(
      'the notice on the site',
      async () => (await page('/shequ/shili/tongzhi/cipan-man-goujian/')).status === 200,
    )
    // The status follows once the build has reported back, a moment after it published.
    const after = await waitFor('the status back to up to date', async () => {
      const status = await siteBuild()
      return status.state !== 'building' && status
    })
    expect(after).toMatchObject({ state: 'idle', error: null, failures: 0 })
    expect((await page('/shequ/shili/')).text).toContain('磁盘写满时的网站更新')
  })
})
