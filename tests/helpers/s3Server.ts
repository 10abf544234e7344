import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

export type S3Server = {
  bucket: string
  prefix: string
  /** The S3_* variables that point the CMS (cms/storage.ts) at this bucket. */
  env: Record<string, string>
  /** Every object key in the bucket, sorted. */
  keys: () => Promise<string[]>
  get: (key: string) => Promise<Buffer>
  put: (key: string, body: Buffer, contentType: string) => Promise<void>
  stop: () => Promise<void>
}

// s3rver's built-in account: it checks every request's signature against this key pair.
const ACCESS_KEY = 'S3RVER'
const SECRET_KEY = 'S3RVER'

/**
 * A real S3-compatible server (s3rver) on loopback for one test file, storing its objects in a
 * temporary folder, with one private bucket. Reached path-style, as MinIO usually is.
 */
export async function startS3Server(bucket = 'jumin-media', prefix = 'uploads'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 's3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
  })
  return {
    bucket,
    prefix,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: prefix,
    },
    async keys() {
      const { Contents = [] } = await client.listObjectsV2({ Bucket: bucket })
      return Contents.map((object) => object.Key!).sort()
    },
    async get(key) {
      const { Body } = await client.getObject({ Bucket: bucket, Key: key })
      return Buffer.from(await Body!.transformToByteArray())
    },
    async put(key, body, contentType) {
      await client.putObject({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })
    },
    async stop() {
      client.destroy()
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
