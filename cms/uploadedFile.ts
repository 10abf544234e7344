import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

/**
 * The bytes of an uploaded file (the original), read where the media collection stores it: through
 * its upload handlers when it has them (the object-storage adapter's, cms/storage.ts, which knows
 * how its objects are keyed), otherwise from its folder. Backups and the seed read files this way,
 * so they work the same with and without S3_BUCKET.
 */
export async function readUploadedFile(
  payload: Payload,
  doc: Record<string, unknown>,
): Promise<Buffer> {
  const filename = String(doc.filename)
  const { upload } = payload.collections.media.config
  if (upload.handlers?.length) {
    const req = await createLocalReq({}, payload)
    const args = { doc, headers: new Headers(), params: { collection: 'media', filename } }
    for (const handler of upload.handlers) {
      const response = await handler(req, args as Parameters<typeof handler>[1])
      if (!(response instanceof Response)) continue
      if (!response.ok)
        throw new Error(`media file ${filename}: the object store answered ${response.status}`)
      return Buffer.from(await response.arrayBuffer())
    }
  }
  return readFile(path.join(String(upload.staticDir), filename))
}
