/**
 * Where published documents come from: Payload's Local API in this process (the default), or the REST
 * API of a remote CMS when PAYLOAD_URL is set. Both ask as an anonymous visitor, so the build sees
 * exactly what the public may see: published documents only, enforced by the CMS's access rules.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'

import { dataDir } from '../../cms/paths.ts'

export type PayloadDoc = Record<string, unknown> & { id: string | number }

/** A Payload `where` query (only what the loader asks: equals, in, greater_than, and/or). */
export type Where = Record<string, unknown>

export type FindArgs = {
  collection: string
  depth: number
  /** Fields of related documents to populate (Payload's `populate`), keyed by their collection. */
  populate?: Record<string, Record<string, true>>
  where?: Where
  /** Only these fields (Payload's `select`); the id always comes. */
  select?: Record<string, true>
  /** Default: id order, a page of PAGE_SIZE at a time. */
  sort?: string
  limit?: number
}

/** Documents are fetched a page at a time, so a city-sized collection never sits in memory twice. */
export const PAGE_SIZE = 500

export interface PayloadSource {
  readonly kind: 'local' | 'rest'
  /**
   * Which CMS it reads, as a digest (a database address may hold a password): a content store made
   * from another is read afresh.
   */
  readonly identity: string
  /** Every matching document, a page at a time, in id order. */
  pages(args: FindArgs): AsyncGenerator<PayloadDoc[]>
  /** The bytes of an uploaded file, through the CMS's file route (so under its access rules). */
  readFile(doc: { filename: string; url?: string }): Promise<Uint8Array>
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

export class PayloadLoaderError extends Error {
  /** The HTTP status of a refused REST request (403: the public may not read it). */
  status?: number
  constructor(message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options)
    this.name = 'PayloadLoaderError'
    this.status = options?.status
  }
}

let source: Promise<PayloadSource> | undefined

export function payloadSource(): Promise<PayloadSource> {
  source ??= process.env.PAYLOAD_URL
    ? Promise.resolve(restSource(process.env.PAYLOAD_URL))
    : localSource()
  return source
}

async function localSource(): Promise<PayloadSource> {
  const { openCms } = await import('../../cms/open.ts')
  const { createLocalReq } = await import('payload')
  const payload = await openCms()
  // Payload's own file route (GET /api/media/file/:filename), run in this process as an anonymous
  // visitor, as the REST source calls it over HTTP: the media read rule decides, and the bytes come
  // from wherever the files live, the media folder or an object-storage bucket (cms/storage.ts).
  const endpoints = payload.collections.media.config.endpoints || []
  const fileRoute = endpoints.find((e) => e.method === 'get' && e.path === '/file/:filename')
  if (!fileRoute) throw new PayloadLoaderError('The media collection has no file route.')
  return {
    kind: 'local',
    identity: digest(process.env.DATABASE_URI || path.join(dataDir, 'cms.db')),
    async *pages({ collection, depth, populate, where, select, sort = 'id', limit = PAGE_SIZE }) {
      for (let page = 1; ; page += 1) {
        const result = await payload.find({
          collection: collection as never,
          depth,
          populate: populate as never,
          where: where as never,
          select: select as never,
          sort,
          limit,
          page,
          overrideAccess: false,
        })
        yield result.docs as unknown as PayloadDoc[]
        if (!result.hasNextPage) return
      }
    },
    async readFile({ filename, url }) {
      // The document's URL carries the storage prefix (`?prefix=`) when it has one.
      const route = url
        ? new URL(url, 'http://localhost')
        : new URL(`/api/media/file/${encodeURIComponent(filename)}`, 'http://localhost')
      const target = `${route.pathname}${route.search}`
      const req = await createLocalReq(
        { urlSuffix: target, req: { routeParams: { collection: 'media', filename } } },
        payload,
      )
      let response: Response
      try {
        response = await fileRoute.handler(req)
      } catch (error) {
        throw new PayloadLoaderError(`GET ${target} was refused: ${(error as Error).message}`, {
          cause: error,
        })
      }
      if (!response.ok) throw new PayloadLoaderError(`GET ${target} answered ${response.status}`)
      return new Uint8Array(await response.arrayBuffer())
    },
  }
}

function restSource(base: string): PayloadSource {
  const root = base.replace(/\/+$/, '')
  const get = async (url: string) => {
    const response = await fetch(url)
    if (!response.ok)
      throw new PayloadLoaderError(
        `GET ${url} answered ${response.status} ${response.statusText}`,
        {
          status: response.status,
        },
      )
    return response
  }
  return {
    kind: 'rest',
    identity: digest(root),
    async *pages({ collection, depth, populate, where, select, sort = 'id', limit = PAGE_SIZE }) {
      const params = new URLSearchParams({ depth: String(depth), limit: String(limit), sort })
      for (const [target, fields] of Object.entries(populate ?? {})) {
        for (const field of Object.keys(fields)) params.set(`populate[${target}][${field}]`, 'true')
      }
      for (const field of Object.keys(select ?? {})) params.set(`select[${field}]`, 'true')
      for (const [key, value] of queryParams('where', where)) params.append(key, value)
      for (let page = 1; ; page += 1) {
        params.set('page', String(page))
        const body = (await (await get(`${root}/api/${collection}?${params}`)).json()) as {
          docs: PayloadDoc[]
          hasNextPage: boolean
        }
        yield body.docs
        if (!body.hasNextPage) return
      }
    },
    async readFile({ filename, url }) {
      const target = url?.startsWith('http')
        ? url
        : `${root}${url ?? `/api/media/file/${encodeURIComponent(filename)}`}`
      return new Uint8Array(await (await get(target)).arrayBuffer())
    },
  }
}

/** A nested query object as the REST API reads it: where[community][in]=1,2. */
function queryParams(prefix: string, value: unknown): [string, string][] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return [[prefix, value.join(',')]]
  if (typeof value !== 'object') return [[prefix, String(value)]]
  return Object.entries(value).flatMap(([key, inner]) => queryParams(`${prefix}[${key}]`, inner))
}
