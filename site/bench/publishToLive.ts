/**
 * Publish → live, measured from outside, the way an editor sees it: the stack is started as `npm
 * start` runs it (cli/start.ts, with its own ports, DATA_DIR and DIST_DIR), an admin account is made
 * through the first-register API, one published notice's title is changed with a REST PATCH, and the
 * clock runs from that call until the served site shows the new title on the notice's page, its
 * community's notice list, the community feed and the search index. Nothing here knows how the
 * pipeline builds: when it changes (incremental, sharded, jobs), these figures should simply fall.
 *
 * Two readings depend on what the pipeline reports and are kept to one small function each, to adjust
 * when it reports differently: how many pages the rebuild rendered, and how the search index is read.
 */
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { openBigramIndex } from '../search/bigramIndex.ts'
import { escapeHtml } from '../search/text.ts'
import { anonymous, restClient, type Session } from '../../tests/helpers/rest.ts'
import { freePort } from '../../tests/helpers/freePort.ts'
import { watchProcessTree, type ProcessPeak } from './processTree.ts'

export type Stack = {
  adminUrl: string
  siteUrl: string
  pid: number
  readySeconds: number
  log: () => string
  stop: () => Promise<void>
}

/** Starts cli/start.ts on an existing data folder and built site; resolves once it says it is ready. */
export async function startStack({
  root,
  node,
  dataDir,
  distDir,
  canonicalUrl,
  timeoutMs = 900_000,
}: {
  root: string
  node: string
  dataDir: string
  distDir: string
  /** The site's canonical address: the full build's, or every page would differ from its output. */
  canonicalUrl: string
  timeoutMs?: number
}): Promise<Stack> {
  const [adminPort, sitePort] = [await freePort(), await freePort()]
  const started = performance.now()
  const child = spawn(node, [path.join(root, 'cli/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      DATABASE_URI: '',
      MEDIA_DIR: '',
      PORT: String(adminPort),
      SITE_PORT: String(sitePort),
      SITE_URL: canonicalUrl,
      PAYLOAD_SECRET: 'build-benchmark-secret'.padEnd(40, 'x'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
  const deadline = Date.now() + timeoutMs
  while (!/Ready in/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`npm start did not come up:\n${output.slice(-4000)}`)
    }
    await sleep(250)
  }
  return {
    adminUrl: `http://localhost:${adminPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    pid: child.pid!,
    readySeconds: (performance.now() - started) / 1000,
    log: () => output,
    stop,
  }
}

/**
 * Pages the rebuild rendered, from what the pipeline printed; null when it does not say. Today the
 * site builder keeps its build's output to itself, so this is null; a line such as
 * "Site: rebuilt in 3.1s (12 of 11,370 pages rendered)" or Astro's "12 page(s) built" would be read.
 */
export function pagesRerendered(log: string): number | null {
  const patterns = [
    /([\d,]+) (?:of [\d,]+ )?pages? (?:re-?)?rendered/gi,
    /([\d,]+) page\(s\) built/gi,
  ]
  for (const pattern of patterns) {
    const last = [...log.matchAll(pattern)].at(-1)
    if (last) return Number(last[1].replace(/,/g, ''))
  }
  return null
}

/**
 * Whether the served search index finds the page at `pathname` under its new `title`. Read through
 * the site's own search client (site/search/bigramIndex.ts), fetching the served files as the search
 * page does; when the index moves or changes shape, this is the function to change.
 */
export async function searchShows(siteUrl: string, title: string, pathname: string) {
  const index = openBigramIndex(`${siteUrl}/pagefind/`, async (url) => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${response.status} ${url}`)
    return response.json()
  })
  const hits = await index.search(title, 20)
  return hits.some((hit) => hit.url === pathname && hit.title === title)
}

/** Whether the page at `url` answers and shows `text` (HTML-escaped, as the templates write it). */
export async function served(url: string, text: string) {
  try {
    const response = await fetch(url)
    return response.ok && (await response.text()).includes(escapeHtml(text))
  } catch {
    return false
  }
}

/** HTML files under `dir` written at or after `since` (ms): what the publish replaced on disk. */
export function htmlFilesWrittenSince(dir: string, since: number): number {
  let count = 0
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.html') && statSync(full).mtimeMs >= since) count++
    }
  }
  walk(dir)
  return count
}

export type PublishResult = {
  notice: { id: string | number; url: string; oldTitle: string; newTitle: string }
  /** Seconds from the PATCH to each place showing the new title; null if it never did. */
  live: { page: number | null; list: number | null; feed: number | null; search: number | null }
  /** The rebuild's own duration as the CMS recorded it (site-build global), seconds. */
  rebuildSeconds: number | null
  pagesRerendered: number | null
  htmlFilesRewritten: number | null
  peaks: ProcessPeak[]
}

/**
 * How long the rebuild took by the pipeline's own account: the site-build status the CMS keeps (the
 * builder reports there once its build process has ended), else the builder's log line; null if
 * neither says within a minute.
 */
async function rebuildDuration(
  api: ReturnType<typeof restClient>,
  admin: Session,
  succeededBefore: string | undefined,
  log: () => string,
): Promise<number | null> {
  for (let i = 0; i < 300; i++) {
    const status = (await api.get(admin, '/api/globals/site-build')).json
    if (
      status?.succeededAt &&
      status.succeededAt !== succeededBefore &&
      typeof status.durationMs === 'number'
    )
      return status.durationMs / 1000
    const line = [...log().matchAll(/Site: rebuilt in ([\d.]+)s/g)].at(-1)
    if (line) return Number(line[1])
    await sleep(200)
  }
  return null
}

const ADMIN = {
  email: 'bench-admin@example.test',
  password: 'Bench-admin-pass-2026',
  name: '基准测试管理员',
}

/** The benchmark's administrator, made through the first-register API on the stack's first call. */
export async function benchAdmin(api: ReturnType<typeof restClient>): Promise<Session> {
  await api.post(anonymous, '/api/users/first-register', ADMIN)
  return api.login(ADMIN.email, ADMIN.password)
}

export async function publishToLive(
  stack: Stack,
  {
    distDir,
    timeoutMs,
    onTick,
  }: { distDir: string; timeoutMs: number; onTick?: (seconds: number, waiting: string[]) => void },
): Promise<PublishResult> {
  const api = restClient(stack.adminUrl)
  const admin = await benchAdmin(api)

  // The newest published notice: the kind an editor corrects minutes after publishing it.
  const found = await api.get(
    admin,
    '/api/notices?where[_status][equals]=published&sort=-publishedAt&limit=1&depth=1',
  )
  const doc = found.json?.docs?.[0]
  if (!doc)
    throw new Error(`no published notice found: ${found.status} ${JSON.stringify(found.json)}`)
  const community = doc.community.slug as string
  const url = `/shequ/${community}/tongzhi/${doc.slug}/`
  const oldTitle = doc.title as string
  if (!(await served(`${stack.siteUrl}${url}`, oldTitle)))
    throw new Error(`the served site does not show ${url} with its title「${oldTitle}」`)
  const newTitle = `${oldTitle.replace(/（更正[^）]*）$/, '')}（更正${Date.now().toString(36)}）`

  const before = (await api.get(admin, '/api/globals/site-build')).json
  const watch = watchProcessTree(stack.pid)
  const logOffset = stack.log().length
  const logSince = () => stack.log().slice(logOffset)
  const t0 = performance.now()
  const wallStart = Date.now()
  const patched = await api.patch(admin, `/api/notices/${doc.id}`, {
    title: newTitle,
    _status: 'published',
  })
  if (patched.status !== 200)
    throw new Error(`PATCH refused: ${patched.status} ${JSON.stringify(patched.json)}`)

  const checks = {
    page: () => served(`${stack.siteUrl}${url}`, newTitle),
    list: () => served(`${stack.siteUrl}/shequ/${community}/tongzhi/`, newTitle),
    feed: () => served(`${stack.siteUrl}/shequ/${community}/rss.xml`, newTitle),
    search: () => searchShows(stack.siteUrl, newTitle, url).catch(() => false),
  }
  const live: PublishResult['live'] = { page: null, list: null, feed: null, search: null }
  const keys = Object.keys(checks) as (keyof typeof checks)[]
  while (keys.some((key) => live[key] === null)) {
    const elapsed = (performance.now() - t0) / 1000
    if (elapsed * 1000 > timeoutMs) break
    // The page alone until it shows, then the others: reading the search index five times a
    // second would compete with the build being measured for the same two cores. A publish that
    // shows the others later than the page is still seen doing so.
    const check = async (key: keyof typeof checks) => {
      if (await checks[key]()) live[key] = (performance.now() - t0) / 1000
    }
    if (live.page === null) await check('page')
    if (live.page !== null) await Promise.all(keys.filter((key) => live[key] === null).map(check))
    onTick?.(
      elapsed,
      keys.filter((key) => live[key] === null),
    )
    await sleep(200)
  }
  const peaks = watch.stop()

  const rebuildSeconds = await rebuildDuration(api, admin, before?.succeededAt, logSince)
  return {
    notice: { id: doc.id, url, oldTitle, newTitle },
    live,
    rebuildSeconds,
    pagesRerendered: pagesRerendered(logSince()),
    htmlFilesRewritten: htmlFilesWrittenSince(distDir, wallStart),
    peaks,
  }
}
