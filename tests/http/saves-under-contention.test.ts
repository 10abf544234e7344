import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DATABASE_BUSY_MESSAGE, RETRY_AFTER_SECONDS } from '../../cms/database/databaseBusy.ts'
import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { nodeBin, repoRoot } from '../helpers/paths.ts'
import { restClient, type Session } from '../helpers/rest.ts'

/**
 * Two ways a save meets someone else, over real HTTP on the real CMS server:
 * - another process holds the database's write lock for longer than a save may wait: the save is
 *   refused with 503, a Retry-After hint and a clear message, nothing of it is stored, and the
 *   same save made again afterwards succeeds;
 * - one editor signs in from several devices at the same moment and saves from each, while the
 *   devices renew their tokens: every save is accepted (sessions kept in the user document used to
 *   overwrite each other, and the losing device's saves were refused with 403).
 */
let server: CmsServer
let api: ReturnType<typeof restClient>
let admin: Session
let community: string | number
const PASSWORD = 'Staff-pass-12345'

beforeAll(async () => {
  // A short wait, so the test does not sit out the production default of 10 s.
  server = await startCmsServer({ SQLITE_BUSY_TIMEOUT_MS: '1000' })
  api = restClient(server.url)
  admin = await api.firstAdmin(PASSWORD)
  community = (await api.get(admin, '/api/communities?where[slug][equals]=shili&depth=0')).json
    .docs[0].id
  const created = await api.post(admin, '/api/users', {
    email: 'editor@example.test',
    password: PASSWORD,
    name: '示例编辑',
    role: 'editor',
    communities: [community],
  })
  expect(created.status).toBe(201)
})
afterAll(async () => server?.stop())

const notice = (slug: string) => ({
  title: `通知 ${slug}`,
  slug,
  kind: 'other',
  community,
  _status: 'published',
})
const stored = async (slug: string) =>
  (await api.get(admin, `/api/notices?where[slug][equals]=${slug}&draft=true&depth=0`)).json.docs
    .length

/** Starts another process that takes the write lock and keeps it for `ms`; resolves once held. */
function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
  const holder = spawn(nodeBin, [
    path.join(repoRoot, 'tests/helpers/holdDatabase.ts'),
    path.join(server.dataDir, 'cms.db'),
    'write',
    String(ms),
  ])
  const released = new Promise<void>((resolve) => holder.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    holder.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('holding')) resolve({ released })
    })
    holder.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)))
  })
}

describe('another process holds the database longer than a save may wait', () => {
  it('refuses the save with 503 and a retry hint, stores nothing, and takes it once free', async () => {
    const editor = await api.login('editor@example.test', PASSWORD)
    const { released } = await holdWriteLock(6000)
    const refused = await api.post(editor, '/api/notices', notice('mang-shi-bao-cun'))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS))
    expect(refused.json.errors[0].message).toBe(DATABASE_BUSY_MESSAGE)
    await released
    expect(await stored('mang-shi-bao-cun')).toBe(0)

    const again = await api.post(editor, '/api/notices', notice('mang-shi-bao-cun'))
    expect(again.status).toBe(201)
    expect(await stored('mang-shi-bao-cun')).toBe(1)
  })
})

describe('one editor signed in on several devices at the same moment', () => {
  it('has every save from every device accepted, while the devices also renew their tokens', async () => {
    const DEVICES = 6
    const ROUNDS = 5
    const statuses: number[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const devices = await Promise.all(
        Array.from({ length: DEVICES }, (_, d) =>
          api.login('editor@example.test', PASSWORD, `device ${d}`),
        ),
      )
      await Promise.all(
        devices.map(async (device, d) => {
          const saved = await api.post(device, '/api/notices?draft=true', {
            ...notice(`duo-she-bei-${round}-${d}`),
            _status: 'draft',
          })
          statuses.push(saved.status)
          // Renewing the token (as the admin does in the background) at the same time as the
          // other devices' logins and saves; the renewed token must work too.
          const renewed = await api.post(device, '/api/users/refresh-token', {})
          statuses.push(renewed.status)
          const again = await api.patch(
            { token: renewed.json?.refreshedToken, label: device.label },
            `/api/notices/${saved.json?.doc?.id}?draft=true`,
            { summary: `第 ${round} 轮由设备 ${d} 修改` },
          )
          statuses.push(again.status)
        }),
      )
    }
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([])
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let d = 0; d < DEVICES; d += 1) expect(await stored(`duo-she-bei-${round}-${d}`)).toBe(1)
    }
  })
})
