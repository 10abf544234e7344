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
  /** The bytes of an uploaded file. */
  readFile(doc: { filename: string; url?: string }): Promise<Uint8Array>
  /** Where uploaded files live, for the local source. */
  mediaDir?: string
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
  const payload = await openCms()
  const { readFile } = await import('node:fs/promises')
  const path = await import('node:path')
  const mediaDir = String(payload.collections.media.config.upload.staticDir)
  return {
    kind: 'local',
    mediaDir,
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
    readFile: ({ filename }) => readFile(path.join(mediaDir, filename)),
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
