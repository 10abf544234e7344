/**
 * Where published documents come from: Payload's Local API in this process (the default), or the REST
 * API of a remote CMS when PAYLOAD_URL is set. Both ask as an anonymous visitor, so the build sees
 * exactly what the public may see: published documents only, enforced by the CMS's access rules.
 */
export type PayloadDoc = Record<string, unknown> & { id: string | number }

export type FindArgs = {
  collection: string
  depth: number
  /** Fields of related documents to populate (Payload's `populate`), keyed by their collection. */
  populate?: Record<string, Record<string, true>>
}

export interface PayloadSource {
  readonly kind: 'local' | 'rest'
  find(args: FindArgs): Promise<PayloadDoc[]>
  /** The bytes of an uploaded file, through the CMS's file route (so under its access rules). */
  readFile(doc: { filename: string; url?: string }): Promise<Uint8Array>
}

export class PayloadLoaderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'PayloadLoaderError'
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
    async find({ collection, depth, populate }) {
      const result = await payload.find({
        collection: collection as never,
        depth,
        populate: populate as never,
        pagination: false,
        overrideAccess: false,
      })
      return result.docs as unknown as PayloadDoc[]
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
      throw new PayloadLoaderError(`GET ${url} answered ${response.status} ${response.statusText}`)
    return response
  }
  return {
    kind: 'rest',
    async find({ collection, depth, populate }) {
      const params = new URLSearchParams({ depth: String(depth), limit: '0', pagination: 'false' })
      for (const [target, fields] of Object.entries(populate ?? {})) {
        for (const field of Object.keys(fields)) params.set(`populate[${target}][${field}]`, 'true')
      }
      const body = (await (await get(`${root}/api/${collection}?${params}`)).json()) as {
        docs: PayloadDoc[]
      }
      return body.docs
    },
    async readFile({ filename, url }) {
      const target = url?.startsWith('http')
        ? url
        : `${root}${url ?? `/api/media/file/${encodeURIComponent(filename)}`}`
      return new Uint8Array(await (await get(target)).arrayBuffer())
    },
  }
}
