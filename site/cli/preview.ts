import type { IncomingMessage, ServerResponse } from 'node:http'

import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { contentType, populate, type LinkedDoc } from '../../cms/contentTypes.ts'
import { escapeHtml } from '../search/text.ts'
import { previewRenderer } from './previewRendererProcess.ts'

const BANNER =
  '<div role="note" style="background:#8a4b00;color:#fff;padding:.6rem 1rem;font-size:1.1rem;text-align:center">' +
  '预览：这是尚未发布的草稿，只有工作人员能看到，居民看不到。</div>'

/** A message instead of the preview: a page of its own, in type large enough to read on a phone. */
function reply(res: ServerResponse, status: number, text: string) {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<meta name="robots" content="noindex"><title>预览</title></head>' +
        `<body style="font:1.25rem/1.7 sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
        `<p role="alert">${escapeHtml(text)}</p></body></html>`,
    )
}

/**
 * The admin's labels of the fields a draft lacks (`meeting.startsAt` → 会议安排 › 开始时间), as the
 * editor sees them on the form; names the admin does not know (the site's own) are left out.
 */
function fieldLabels(payload: Payload, collection: CollectionSlug, paths: string[]): string[] {
  const labels = paths.map((path) => {
    let fields: readonly FlattenedField[] = payload.collections[collection].config.flattenedFields
    const parts: string[] = []
    for (const name of path.split('.').filter((segment) => !/^\d+$/.test(segment))) {
      const field = fields.find((candidate) => candidate.name === name)
      if (!field) return null
      parts.push(typeof field.label === 'string' ? field.label : name)
      if (!('flattenedFields' in field)) break
      fields = field.flattenedFields
    }
    return parts.join(' › ')
  })
  return [...new Set(labels.filter((label): label is string => label !== null))]
}

/**
 * `/_preview/<collection>/<id>?token=…`: a draft rendered by the site's own page templates. The token
 * is the staff member's login; the draft is read with their rights (another community's draft is
 * "not found"). The preview renderer (site/cli/previewRenderer.ts, a process that keeps running)
 * renders the draft's page from a content store of the previews' own with the draft added; it is
 * served with a banner and `noindex`, and nothing of it reaches the public site.
 */
export function draftPreviews(payload: Payload) {
  const renderer = previewRenderer()
  let queue = Promise.resolve()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
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
    if (!doc || !page(doc)) return (reply(res, 404, '找不到这份草稿，或您无权查看。'), true)

    // One preview at a time: the renderer holds one draft.
    const run = queue.then(async () => {
      const rendered = await renderer.render({ collection, doc }).catch((error: unknown) => {
        payload.logger.error({ err: error }, 'A draft preview failed')
        return null
      })
      if (!rendered) return reply(res, 500, '预览生成失败，请稍后再试。')
      if (rendered.missing) {
        const labels = fieldLabels(payload, collection as CollectionSlug, rendered.missing)
        return reply(
          res,
          422,
          labels.length > 0
            ? `这份草稿还不能预览：请先填写“${labels.join('”“')}”，保存草稿后再点“预览”。`
            : '这份草稿还缺少必填内容，暂时不能预览：请检查标有 * 的栏目，保存草稿后再点“预览”。',
        )
      }
      if (rendered.status === 404)
        return reply(res, 404, '这份草稿暂时无法预览（所属居委会可能尚未发布）。')
      if (rendered.status !== 200) return reply(res, 500, '预览生成失败，请稍后再试。')
      const body = rendered.html
        .replace('<head>', '<head><meta name="robots" content="noindex">')
        .replace(/<body([^>]*)>/, `<body$1>${BANNER}`)
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(body)
    })
    queue = run.catch(() => undefined)
    await run
    return true
  }

  /**
   * Starts the renderer before the first preview asks for it, with a published community's page
   * (nothing anyone sees): its start and first content sync take seconds.
   */
  async function warm() {
    const { docs } = await payload.find({
      collection: 'communities',
      limit: 1,
      depth: 1,
      populate: populate as never,
      overrideAccess: false,
    })
    if (!docs[0]) return
    const run = queue.then(() =>
      renderer.render({ collection: 'communities', doc: docs[0] }).then(() => undefined),
    )
    queue = run.catch(() => undefined)
    await run
  }

  return { handle, warm, stop: renderer.stop }
}
