import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'

/**
 * Malformed IDs, slugs and parameters get a 4xx with a reason a person can read, and change
 * nothing. First a table of known cases with the answer each must get; then a bounded fuzz over
 * every REST parameter (where, sort, depth, limit, page, select, populate, joins, draft, IDs in the
 * path), random and hostile values, as a visitor and as an admin, with reads and writes: no answer
 * may be a 5xx or take longer than 5 s, and the database must be the same afterwards. The fuzz is
 * seeded (FUZZ_SEED to replay a run; FUZZ_REQUESTS to change its size).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400)
const SLOWEST_MS = 5000
const CHINESE = /[\u4e00-\u9fff]/

let server: CmsServer
let api: ReturnType<typeof restClient>
let admin: Session

beforeAll(async () => {
  server = await startCmsServer()
  api = restClient(server.url)
  const first = await api.post(anonymous, '/api/users/first-register', {
    email: 'admin@example.test',
    password: 'Admin-pass-12345',
    name: '管理员',
  })
  expect(first.status).toBe(200)
  admin = await api.login('admin@example.test', 'Admin-pass-12345', 'admin')
}, 240_000)
afterAll(async () => server?.stop())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any API answer
const message = (json: any): string => json?.errors?.[0]?.message ?? ''

describe('known malformed requests get 400 and the reason', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'GET',
      '/api/notices/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      /ID "\.\.\/\.\.\/etc\/passwd" 格式不正确/,
    ],
    ['GET', '/api/notices/abc', /ID "abc" 格式不正确：应为正整数/],
    ['GET', '/api/notices/1abc', /ID "1abc" 格式不正确/],
    ['GET', '/api/notices/1.5', /ID "1\.5" 格式不正确/],
    ['GET', '/api/notices/0', /ID "0" 格式不正确/],
    ['GET', '/api/communities/%00', /格式不正确/],
    ['GET', '/api/notices/versions/abc', /ID "abc" 格式不正确/],
    ['PATCH', '/api/notices/abc', /ID "abc" 格式不正确/],
    ['DELETE', '/api/notices/..%2f1', /格式不正确/],
    ['POST', '/api/notices/abc/duplicate', /ID "abc" 格式不正确/],
    ['GET', '/api/notices?depth=abc', /参数 depth 应为非负整数/],
    ['GET', '/api/notices?limit=-1', /参数 limit 应为非负整数/],
    ['GET', '/api/notices?page=0', /参数 page 应为正整数/],
    ['GET', '/api/notices?draft=maybe', /参数 draft 应为 true 或 false/],
    ['GET', '/api/notices?where=abc', /参数 where 应为 JSON 对象/],
    ['GET', '/api/notices?sort=title;drop', /参数 sort 应为字段名/],
    [
      'GET',
      '/api/notices?where[publishedAt][greater_than]=notadate',
      /where\[publishedAt\]\[greater_than\] 需要日期时间/,
    ],
    ['GET', '/api/notices?where[community][in]=abc', /where\[community\]\[in\] 需要ID/],
    ['GET', '/api/notices?where[id][equals]=Infinity', /where\[id\]\[equals\] 需要ID/],
    ['GET', '/api/notices?where[pinned][equals]=yes', /需要 true 或 false/],
    ['GET', '/api/notices?where[title][near]=1,2', /字段 title 不能用 near 查询/],
    ['GET', '/api/notices?where[title][all]=a', /字段 title 不能用 all 查询/],
    ['GET', '/api/notices?where[title][bogus]=a', /没有 bogus 这个运算符/],
    ['GET', '/api/notices?where[attachments][all]=1,2', /字段 attachments 不能用 all 查询/],
    ['GET', '/api/notices?where[body.root][exists]=true', /不能按富文本或 JSON 的内部查询/],
    ['GET', '/api/notices?where[or]=x', /where\[or\] 必须是条件的列表/],
    ['GET', '/api/notices?where[title]=x', /必须写成 where\[title\]\[运算符\]=值/],
    ['GET', '/api/disclosures?where[period.year][less_than]=abc', /需要数字/],
    ['GET', '/api/notices?where[community.street][equals]=x', /需要ID/],
    ['GET', '/api/brand-projects?joins[relatedCases][limit]=1.5', /应为非负整数/],
    ['GET', '/api/brand-projects?joins[nothing][limit]=1', /没有这个关联列表/],
    [
      'GET',
      '/api/brand-projects?where[relatedCases][in]=1&draft=true',
      /查询草稿时不能按 relatedCases 筛选/,
    ],
  ]

  it.each(cases)('%s %s', async (method, path, reason) => {
    for (const session of [anonymous, admin]) {
      const response = await api.call(session, method, path, method === 'PATCH' ? {} : undefined)
      expect(response.status, `${session.label}: ${JSON.stringify(response.json)}`).toBe(400)
      expect(message(response.json)).toMatch(reason)
      expect(message(response.json)).toMatch(CHINESE)
    }
  })

  it('version routes of collections without versions answer 404', async () => {
    for (const path of [
      '/api/streets/versions',
      '/api/users/versions/1',
      '/api/media/versions/3',
    ]) {
      const response = await api.get(admin, path)
      expect(response.status, path).toBe(404)
      expect(message(response.json)).toMatch(/没有版本记录/)
    }
  })

  it('well-formed requests of the same kinds still answer', async () => {
    const community = (await api.get(anonymous, '/api/communities?where[slug][equals]=shili')).json
      .docs[0].id
    for (const path of [
      '/api/notices?depth=0&limit=5&page=1&sort=-publishedAt,title&draft=false',
      '/api/notices?where[publishedAt][greater_than]=2026-01-01T00:00:00%2B08:00',
      `/api/notices?where[community][in]=${community},${community}`,
      '/api/notices?where[or][0][pinned][equals]=true&where[or][1][title][like]=会议',
      '/api/notices?where[community.slug][equals]=shili&where[meeting.startsAt][exists]=true',
      '/api/brand-projects?joins[relatedCases][limit]=2&joins[relatedCases][page]=1',
      '/api/disclosures?where[period.year][greater_than_equal]=2025',
      `/api/communities/${community}?depth=1`,
    ]) {
      const response = await api.get(anonymous, path)
      expect(response.status, `${path}: ${JSON.stringify(response.json)?.slice(0, 300)}`).toBe(200)
    }
  })
})

/** A small seeded generator (mulberry32), so a failing run can be replayed with FUZZ_SEED. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}

const HOSTILE = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '9'.repeat(40),
  '0x1f',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"a":1}',
  '[1,2]',
  '\u0000',
  '%00',
  '%',
  '%%',
  '../../etc/passwd',
  '..\\..\\windows',
  "' OR 1=1 --",
  "'; DROP TABLE notices; --",
  '" OR ""="',
  '$where',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  'prototype',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '2026-13-45',
  '2026-02-30T25:61:00Z',
  '1970-01-01',
  '9999-12-31T23:59:59Z',
  '𠮷野家',
  '\u202e',
  'a'.repeat(3000),
  '居委会',
  '1,2,abc',
  ',,,',
]
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  'bogus',
  '',
  '0',
]
const PATHS: Record<string, string[]> = {
  notices: [
    'id',
    'title',
    'slug',
    'community',
    'community.name',
    'community.street',
    'community.street.district.city',
    'kind',
    'publishedAt',
    'meeting',
    'meeting.startsAt',
    'meeting.place',
    'validUntil',
    'pinned',
    'attachments',
    'attachments.filename',
    'attachments.isPublic',
    'body',
    'body.root',
    '_status',
    'createdAt',
    'updatedAt',
    'personalDataWarning',
  ],
  disclosures: [
    'id',
    'title',
    'category',
    'period.year',
    'period.quarter',
    'lineItems.amount',
    'lineItems.direction',
    'totals.balance',
    'relatedNotice',
    'relatedNotice.title',
    'review.state',
    'review.submittedBy',
    'corrections.date',
    'attachments',
  ],
  communities: ['id', 'name', 'street', 'district', 'figures.households', 'cover', 'demo', 'types'],
  'case-studies': [
    'id',
    'genre',
    'year',
    'problemCategories',
    'mechanisms.name',
    'brandProject',
    'source.page',
    'sections.background',
    'figures.value',
  ],
  'brand-projects': ['id', 'name', 'honours.year', 'relatedCases', 'figures.value', 'founded'],
  media: ['id', 'filename', 'filesize', 'mimeType', 'isPublic', 'usedByPublished', 'community'],
  users: ['id', 'email', 'role', 'communities', 'hash', 'salt', 'loginAttempts', 'lockUntil'],
  streets: ['id', 'name', 'district', 'district.city'],
  sources: ['id', 'title', 'kind'],
}
const COLLECTIONS = Object.keys(PATHS)
const JUNK_PATHS = ['', '.', '..', 'a..b', '$ne', 'title.', '.title', 'x'.repeat(300), '__proto__']

function fuzzRequests(count: number) {
  const r = generator(SEED)
  const value = (): string => {
    switch (r.int(4)) {
      case 0:
        return r.pick(HOSTILE)
      case 1:
        return String(r.int(100000) - 50000)
      case 2:
        return Array.from({ length: r.int(12) }, () => String.fromCharCode(r.int(0x3000))).join('')
      default:
        return `${r.pick(HOSTILE)}${r.pick(HOSTILE)}`.slice(0, 200)
    }
  }
  const enc = encodeURIComponent
  const param = (collection: string): string => {
    const path = () =>
      r.next() < 0.9 ? r.pick(PATHS[collection]!) : r.pick([...JUNK_PATHS, ...HOSTILE])
    switch (r.int(12)) {
      case 0:
        return `where[${enc(path())}][${enc(r.pick(OPERATORS))}]=${enc(value())}`
      case 1:
        return `where[or][${r.int(3)}][${enc(path())}][${enc(r.pick(OPERATORS))}]=${enc(value())}`
      case 2:
        return `where[and][${r.pick(['0', 'x', '-1', ''])}][${enc(path())}][in][${r.int(3)}]=${enc(value())}`
      case 3:
        return `where=${enc(r.pick([value(), '{"title":{"equals":1}}', '{"or":5}', '[]', '{"id":{"in":"x"}}']))}`
      case 4:
        return `sort=${enc(r.next() < 0.5 ? path() : value())}`
      case 5:
        return `${r.pick(['depth', 'limit', 'page'])}=${enc(value())}`
      case 6:
        return `select[${enc(path())}]=${enc(r.pick(['true', 'false', value()]))}`
      case 7:
        return `populate[${enc(r.pick([...COLLECTIONS, value()]))}][${enc(path())}]=${enc(r.pick(['true', value()]))}`
      case 8:
        return `${r.pick(['draft', 'pagination', 'trash', 'autosave'])}=${enc(r.pick(['true', 'false', value()]))}`
      case 9:
        return `joins[${enc(r.pick(['relatedCases', value()]))}][${r.pick(['limit', 'page', 'sort', 'count', 'where'])}]=${enc(value())}`
      case 10:
        return `where[${enc(path())}][${enc(r.pick(OPERATORS))}][${enc(value())}]=${enc(value())}`
      default:
        return `${enc(value())}=${enc(value())}`
    }
  }
  const requests: Array<{ method: string; path: string; asAdmin: boolean }> = []
  for (let i = 0; i < count; i += 1) {
    const collection = r.pick(COLLECTIONS)
    const query = Array.from({ length: 1 + r.int(3) }, () => param(collection)).join('&')
    const asAdmin = r.next() < 0.4
    const id = enc(r.next() < 0.2 ? String(1 + r.int(60)) : value())
    const shape = r.int(10)
    if (shape < 5) requests.push({ method: 'GET', path: `/api/${collection}?${query}`, asAdmin })
    else if (shape === 5)
      requests.push({ method: 'GET', path: `/api/${collection}/${id}?${query}`, asAdmin })
    else if (shape === 6)
      requests.push({ method: 'GET', path: `/api/${collection}/versions/${id}`, asAdmin })
    else if (shape === 7)
      requests.push({ method: 'GET', path: `/api/${collection}/count?${query}`, asAdmin })
    else if (shape === 8) requests.push({ method: 'GET', path: `/api/media/file/${id}`, asAdmin })
    // Writes aimed at nothing (an ID no document can have, or a where nothing matches): any change
    // to the database afterwards is a write that should have been refused.
    else {
      const target = value()
      const never = /^\s*\d+\s*$/.test(target) ? `99999999${target.trim()}` : target || 'x'
      requests.push({
        method: r.pick(['PATCH', 'DELETE']),
        path:
          r.next() < 0.5
            ? `/api/${collection}/${enc(never)}`
            : `/api/${collection}?where[id][equals]=${enc(target)}&where[id][less_than]=0`,
        asAdmin,
      })
    }
  }
  return requests
}

/** A fingerprint of the whole database as the admin sees it: every document's id and updatedAt. */
async function fingerprint(): Promise<string> {
  const parts: string[] = []
  for (const collection of COLLECTIONS) {
    const { json } = await api.get(
      admin,
      `/api/${collection}?limit=0&pagination=false&depth=0&draft=true&select[updatedAt]=true`,
    )
    parts.push(
      `${collection}:${json.docs.map((d: { id: string; updatedAt: string }) => `${d.id}@${d.updatedAt}`).join(',')}`,
    )
  }
  return parts.join('\n')
}

describe('fuzzing every REST parameter', () => {
  it(
    `${REQUESTS} random and hostile requests (seed ${SEED}): no 5xx, none over 5 s, nothing changed`,
    { timeout: 60_000 + REQUESTS * 100 },
    async () => {
      const before = await fingerprint()
      const requests = fuzzRequests(REQUESTS)
      const failures: string[] = []
      const statuses = new Map<number, number>()
      let slowest = 0
      let cursor = 0
      const worker = async () => {
        while (cursor < requests.length) {
          const { method, path, asAdmin } = requests[cursor++]!
          const started = performance.now()
          const response = await api.call(
            asAdmin ? admin : anonymous,
            method,
            path,
            method === 'PATCH' ? { title: '不应写入' } : undefined,
          )
          const ms = performance.now() - started
          slowest = Math.max(slowest, ms)
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (response.status >= 500 || ms > SLOWEST_MS)
            failures.push(`${method} ${path} → ${response.status} in ${ms.toFixed(0)} ms`)
          else if (response.status >= 400 && !message(response.json))
            failures.push(`${method} ${path} → ${response.status} without a message`)
        }
      }
      await Promise.all(Array.from({ length: 4 }, worker))
      console.log(
        `fuzz: ${requests.length} requests, answers ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${slowest.toFixed(0)} ms`,
      )
      expect(failures).toEqual([])
      expect(await fingerprint()).toEqual(before)
    },
  )
})
