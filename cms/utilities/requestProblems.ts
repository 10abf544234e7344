import type { CollectionSlug, Payload } from 'payload'

import { idProblem } from './queryProblems.ts'

/**
 * What is wrong with a REST request as sent, before Payload reads it: an ID in the path that is
 * not one (Payload turns `../etc/passwd` into `NaN` and the database fails with a 500, or `1abc`
 * into 1), a parameter that is not the number or flag it must be (Payload would silently ignore
 * it), or a `where` given as text that is not JSON. Field values inside `where` are checked for
 * every API by hooks/rejectMalformedQuery.ts.
 */

const NUMBERS: Record<string, number> = { depth: 0, limit: 0, page: 1 }
const FLAGS = [
  'draft',
  'pagination',
  'trash',
  'autosave',
  'overrideLock',
  'flattenLocales',
  'publishAllLocales',
  'unpublishAllLocales',
]
const JSON_PARAMS = ['where', 'data']
/** The endpoints whose `:id` is a document or version ID (not a token, as in /verify/:id). */
const ID_ENDPOINTS = ['/:id', '/:id/duplicate', '/versions/:id', '/access/:id?']

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)

function paramProblem(name: string, value: string): string | null {
  if (name in NUMBERS) {
    if (!/^\d{1,7}$/.test(value) || Number(value) < NUMBERS[name]!)
      return `参数 ${name} 应为${NUMBERS[name] ? '正' : '非负'}整数，收到 ${show(value)}。`
  } else if (FLAGS.includes(name)) {
    if (value !== 'true' && value !== 'false')
      return `参数 ${name} 应为 true 或 false，收到 ${show(value)}。`
  } else if (JSON_PARAMS.includes(name)) {
    try {
      const parsed = JSON.parse(value) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error()
    } catch {
      return `参数 ${name} 应为 JSON 对象（或写成 ${name}[字段][运算符]=值），收到 ${show(value)}。`
    }
  } else if (name === 'sort') {
    const bad = value.split(',').find((key) => !/^-?[A-Za-z_][\w.]*$/.test(key))
    if (bad !== undefined) return `参数 sort 应为字段名（倒序加 -），收到 ${show(bad)}。`
  }
  return null
}

export type RequestProblem = { status: number; message: string }

const badRequest = (message: string | null): RequestProblem | null =>
  message ? { status: 400, message } : null

function pathProblem(payload: Payload, method: string, rest: string): RequestProblem | null {
  const [slug, ...tail] = rest.split('/').filter((segment, i) => i > 0 || segment)
  const collection = slug ? payload.collections[slug as CollectionSlug] : undefined
  if (!collection || tail.length === 0) return null
  const pathname = `/${tail.join('/')}`
  const endpoint = (collection.config.endpoints || []).find(
    (candidate) =>
      candidate.method === method &&
      new URLPattern({ pathname: candidate.path }).test({ pathname }),
  )
  if (!endpoint) return null
  // Payload's version routes exist on every collection, but fail with a 500 where there are none.
  if (endpoint.path.startsWith('/versions') && !collection.config.versions)
    return { status: 404, message: '这类内容没有版本记录。' }
  const groups = new URLPattern({ pathname: endpoint.path }).exec({ pathname })?.pathname.groups
  if (ID_ENDPOINTS.includes(endpoint.path) && groups?.id !== undefined) {
    let id: string
    try {
      id = decodeURIComponent(groups.id)
    } catch {
      return badRequest(`ID ${show(groups.id)} 格式不正确。`)
    }
    return badRequest(idProblem(payload, slug!, id))
  }
  return null
}

/** The first problem of a REST request, or null when Payload may have it. */
export function requestProblem(payload: Payload, request: Request): RequestProblem | null {
  const url = new URL(request.url)
  const api = payload.config.routes.api
  if (!url.pathname.startsWith(`${api}/`)) return null
  for (const [name, value] of url.searchParams) {
    const problem = badRequest(paramProblem(name, value))
    if (problem) return problem
  }
  return pathProblem(payload, request.method.toLowerCase(), url.pathname.slice(api.length + 1))
}
