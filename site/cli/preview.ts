import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

import { contentType, populate, type LinkedDoc } from '../../cms/contentTypes.ts'
import { projectRoot } from '../../cms/paths.ts'
import { runSiteBuild } from '../../cms/jobs/runSiteBuild.ts'

const BANNER =
  '<div role="note" style="background:#8a4b00;color:#fff;padding:.6rem 1rem;font-size:1.1rem;text-align:center">' +
  '预览：这是尚未发布的草稿，只有工作人员能看到，居民看不到。</div>'

function reply(res: ServerResponse, status: number, text: string) {
  res
    .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    .end(text)
}

/**
 * `/_preview/<collection>/<id>?token=…`: a draft rendered by the site's own page templates. The token
 * is the staff member's login; the draft is read with their rights (another community's draft is
 * "not found"). The draft's page alone (site/lib/previewTarget.ts) is built into a throwaway folder,
 * from a content store of the previews' own with the draft added; it is served with a banner and
 * `noindex`, and the folder is deleted: nothing reaches the public site.
 */
export function previewHandler(payload: Payload) {
  const cacheDir = path.join(projectRoot, 'node_modules/.astro-preview')
  let queue = Promise.resolve()

  return async function handlePreview(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = /^\/_preview\/([a-z-]+)\/([^/]+)$/.exec(url.pathname)
    if (!match) return false
    const [, collection, id] = match
    const type = contentType(collection)
    const page = type && 'page' in type ? type.page : undefined
    const token = url.searchParams.get('token')
    if (!page) return (reply(res, 404, '不支持预览这种内容。'), true)
    if (!token) return (reply(res, 401, '请从管理后台的“预览”按钮打开预览。'), true)

    const { user } = await payload.auth({ headers: new Headers({ Authorization: `JWT ${token}` }) })
    if (!user) return (reply(res, 401, '登录已过期，请重新登录管理后台后再预览。'), true)
    const doc = (await payload
      .findByID({
        collection: collection as CollectionSlug,
        id,
        draft: true,
        depth: 1,
        populate: populate as never,
        user,
        overrideAccess: false,
      })
      .catch(() => null)) as LinkedDoc | null
    const target = doc ? page(doc) : null
    if (!doc || !target) return (reply(res, 404, '找不到这份草稿，或您无权查看。'), true)

    // One preview build at a time: they share a cache folder and the machine's two cores.
    const run = queue.then(async () => {
      const work = mkdtempSync(path.join(tmpdir(), 'preview-'))
      try {
        const file = path.join(work, 'draft.json')
        writeFileSync(file, JSON.stringify({ collection, doc }))
        const out = path.join(work, 'site')
        if (
          !(await runSiteBuild({ SITE_OUT_DIR: out, PREVIEW_DOC: file, ASTRO_CACHE_DIR: cacheDir }))
            .ok
        )
          return reply(res, 500, '预览生成失败，请稍后再试。')
        const html = path.join(out, target.slice(1), 'index.html')
        if (!existsSync(html))
          return reply(res, 404, '这份草稿暂时无法预览（所属居委会可能尚未发布）。')
        const body = readFileSync(html, 'utf8')
          .replace('<head>', '<head><meta name="robots" content="noindex">')
          .replace(/<body([^>]*)>/, `<body$1>${BANNER}`)
        res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(body)
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    })
    queue = run.catch(() => undefined)
    await run
    return true
  }
}
