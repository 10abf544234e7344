import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { createClient } from '@libsql/client'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { nodeBin, repoRoot } from '../helpers/paths.ts'
import { restClient, type Session } from '../helpers/rest.ts'
import { startStack, type Stack } from '../helpers/stack.ts'

/**
 * Saves under contention, on exactly what `npm start` runs: eight staff clients write at once over
 * REST (creates, edits, publishes, uploads) while the site builder rebuilds in its own process and
 * a third process holds long read transactions on the database file. Every save the API
 * acknowledges must be stored; none may be refused because someone else was saving; and the
 * public site, once rebuilt, shows every published notice. Before the fix, acknowledged saves
 * were lost after a few hundred writes, so this makes several hundred.
 */
vi.setConfig({ testTimeout: 600_000 })

const WRITERS = 8
const WRITES_PER_WRITER = Number(process.env.CONCURRENT_WRITES_PER_WRITER || 80)
const PASSWORD = 'Staff-pass-12345'

let stack: Stack
let api: ReturnType<typeof restClient>
let admin: Session
let community: string | number
let reader: ChildProcess

type Outcome = { status: number; retryAfter: string | null; message?: string }
type Ledger = {
  /** Notices by slug: the title the last acknowledged write gave it, and whether it is published. */
  notices: Map<string, { acknowledged: boolean; title: string; published: boolean }>
  uploads: Map<string, { acknowledged: boolean; bytes: number }>
  outcomes: Outcome[]
}
const ledger: Ledger = { notices: new Map(), uploads: new Map(), outcomes: [] }

beforeAll(async () => {
  stack = await startStack()
  api = restClient(stack.adminUrl)
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
  reader = spawn(
    nodeBin,
    [path.join(repoRoot, 'tests/helpers/holdDatabase.ts'), dbFile(), 'read', '6000'],
    {
      stdio: 'ignore',
    },
  )
})

afterAll(async () => {
  // It finishes the read it holds before it ends: it must have closed the database before the
  // stack's folder is removed.
  if (reader && reader.exitCode === null) {
    const ended = new Promise((resolve) => reader.once('exit', resolve))
    reader.kill('SIGTERM')
    await ended
  }
  await stack?.stop()
})

const dbFile = () => path.join(stack.dataDir, 'cms.db')

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller reads the answer it expects
type Reply = any

const record = async (response: Response): Promise<{ ok: boolean; json: Reply }> => {
  const text = await response.text()
  let json: Reply = null
  try {
    json = JSON.parse(text)
  } catch {
    // A refusal may come as plain text (a proxy's or the server's own); it is recorded without a message.
  }
  ledger.outcomes.push({
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    message: json?.errors?.[0]?.message,
  })
  return { ok: response.status === 200 || response.status === 201, json }
}

function send(session: Session, method: string, url: string, body: unknown) {
  return fetch(`${stack.adminUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${session.token}` },
    body: JSON.stringify(body),
  }).then(record)
}

/** A small real PNG, different for every upload. */
const png = (seed: number) =>
  sharp({
    create: {
      width: 24,
      height: 24,
      channels: 3,
      background: { r: seed % 256, g: (seed * 7) % 256, b: 90 },
    },
  })
    .png()
    .toBuffer()

async function upload(session: Session, name: string, seed: number) {
  const data = await png(seed)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt: `并发上传 ${name}`, community }))
  const { ok } = await fetch(`${stack.adminUrl}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${session.token}` },
    body: form,
  }).then(record)
  ledger.uploads.set(name, { acknowledged: ok, bytes: data.length })
}

/** One staff client's burst: mostly new notices, plus drafts published later, edits and uploads. */
async function writer(session: Session, w: number) {
  const mine: Array<{ id: string | number; slug: string }> = []
  const drafts: Array<{ id: string | number; slug: string }> = []
  for (let i = 0; i < WRITES_PER_WRITER; i += 1) {
    const slug = `bingfa-${w}-${i}`
    const kind = i % 8
    if (kind <= 4) {
      const draft = kind === 4
      const title = `并发写入测试通知 ${w}-${i}`
      const { ok, json } = await send(session, 'POST', '/api/notices', {
        title,
        slug,
        kind: 'other',
        community,
        _status: draft ? 'draft' : 'published',
      })
      ledger.notices.set(slug, { acknowledged: ok, title, published: !draft })
      if (ok) (draft ? drafts : mine).push({ id: json.doc.id, slug })
    } else if (kind === 5 && drafts.length) {
      const target = drafts.shift()!
      const { ok } = await send(session, 'PATCH', `/api/notices/${target.id}`, {
        _status: 'published',
      })
      if (ok) {
        ledger.notices.get(target.slug)!.published = true
        mine.push(target)
      }
    } else if (kind === 6 && mine.length) {
      const target = mine[i % mine.length]
      const title = `并发写入测试通知 ${w}-${i}（已修改）`
      const { ok } = await send(session, 'PATCH', `/api/notices/${target.id}`, { title })
      if (ok) ledger.notices.get(target.slug)!.title = title
    } else {
      await upload(session, `bingfa-${w}-${i}.png`, w * 1000 + i)
    }
  }
}

describe('eight staff clients saving at once while the site rebuilds and a reader holds the database', () => {
  it('stores every acknowledged save, refuses none, and the site shows every published notice', async () => {
    // One login per client, one after another (logging in at the same moment is tests/http's).
    const sessions: Session[] = []
    for (let w = 0; w < WRITERS; w += 1) {
      sessions.push(await api.login('editor@example.test', PASSWORD, `writer ${w}`))
    }
    const started = Date.now()
    const logBefore = stack.log().length
    await Promise.all(sessions.map((session, w) => writer(session, w)))
    const seconds = (Date.now() - started) / 1000
    const rebuilds =
      stack
        .log()
        .slice(logBefore)
        .match(/Site: \S+ building/g)?.length ?? 0

    const byStatus = new Map<number, number>()
    for (const { status } of ledger.outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1)

    // What the database file holds, read by another process, so nothing answers from a cache.
    const db = createClient({ url: `file:${dbFile()}` })
    const { rows } = await db.execute(
      "SELECT slug, title, _status FROM notices WHERE slug LIKE 'bingfa-%'",
    )
    db.close()
    const stored = new Map(rows.map((row) => [String(row.slug), row]))
    const acknowledged = [...ledger.notices].filter(([, n]) => n.acknowledged)
    const lost = acknowledged.filter(([slug]) => !stored.has(slug)).map(([slug]) => slug)
    console.log(
      `${ledger.outcomes.length} writes in ${seconds.toFixed(1)} s (${[...byStatus]
        .map(([status, n]) => `${n} × HTTP ${status}`)
        .join(', ')}); notices: ${acknowledged.length} acknowledged, ` +
        `${acknowledged.length - lost.length} of them stored, ${lost.length} lost; ` +
        `${rebuilds} site rebuilds started meanwhile`,
    )
    // The site builder's own process read the database while the saves went on.
    expect(rebuilds).toBeGreaterThan(0)

    // Nothing may fail because someone else was saving: no refusals at all, and never a 500.
    expect(
      ledger.outcomes.filter((o) => o.status !== 200 && o.status !== 201),
      'refused saves',
    ).toEqual([])
    expect(lost, 'acknowledged notices missing from the database').toEqual([])
    for (const [slug, expected] of ledger.notices) {
      const row = stored.get(slug)
      if (!expected.acknowledged) {
        expect(row, `refused ${slug} must be absent`).toBeUndefined()
      } else {
        expect(row!.title).toBe(expected.title)
        expect(row!._status).toBe(expected.published ? 'published' : 'draft')
      }
    }

    // Every acknowledged upload is listed and its file downloads, byte for byte the size sent.
    for (const [filename, expected] of ledger.uploads) {
      const { json } = await api.get(admin, `/api/media?where[filename][equals]=${filename}`)
      expect(json.docs.length, filename).toBe(expected.acknowledged ? 1 : 0)
      if (!expected.acknowledged) continue
      // As its uploader sees it: a file no published document uses is not public.
      const file = await fetch(new URL(json.docs[0].url, stack.adminUrl), {
        headers: { authorization: `JWT ${admin.token}` },
      })
      expect(file.status).toBe(200)
      expect((await file.arrayBuffer()).byteLength).toBe(expected.bytes)
    }

    // Once the builder has caught up, every published notice has its page on the public site.
    const published = [...ledger.notices].filter(([, n]) => n.acknowledged && n.published)
    const deadline = Date.now() + 300_000
    let missing = published
    while (missing.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2000))
      const next: typeof missing = []
      for (const entry of missing) {
        const page = await fetch(`${stack.siteUrl}/shequ/shili/tongzhi/${entry[0]}/`)
        if (!(page.ok && (await page.text()).includes(entry[1].title))) next.push(entry)
      }
      missing = next
    }
    expect(
      missing.map(([slug]) => slug),
      'published notices missing from the site',
    ).toEqual([])
  })
})
