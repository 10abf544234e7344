import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/**
 * Where uploaded files live: the local media folder (MEDIA_DIR) unless S3_BUCKET names a bucket in
 * an S3-compatible object store (AWS S3, MinIO, Alibaba OSS, Tencent COS), which several CMS
 * instances behind a load balancer can share. The bucket stays private: files, their resized
 * variants included, are still served by Payload's file route (/api/media/file/…) under the media
 * collection's read rule, streamed from the bucket, never by a public or signed bucket URL.
 *
 * The plugin is installed either way (`alwaysInsertFields`), so the schema (the media `prefix` and
 * `_objectKey` columns) and the admin's import map are the same with and without a bucket.
 */
type Env = Record<string, string | undefined>

export function objectStorage(env: Env = process.env): Plugin {
  const bucket = env.S3_BUCKET?.trim()
  const prefix = env.S3_PREFIX?.trim().replace(/^\/+|\/+$/g, '') ?? ''
  return s3Storage({
    enabled: Boolean(bucket),
    alwaysInsertFields: true,
    bucket: bucket ?? '',
    // Always a prefix (if empty), so every document stores the folder it was uploaded to and keeps
    // it when S3_PREFIX changes later; files moved from MEDIA_DIR (prefix '') follow S3_PREFIX.
    collections: { media: { prefix } },
    config: bucket ? clientConfig(env) : {},
  })
}

type ClientConfig = Parameters<typeof s3Storage>[0]['config']

function clientConfig(env: Env): ClientConfig {
  const region = env.S3_REGION?.trim()
  if (!region) {
    throw new Error(
      'S3_BUCKET is set but S3_REGION is not: set the bucket’s region (e.g. oss-cn-shanghai, ap-shanghai; us-east-1 for MinIO).',
    )
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new Error(
      `S3_ENDPOINT must be an http(s) URL, e.g. https://oss-cn-shanghai.aliyuncs.com (got “${endpoint}”).`,
    )
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the SDK’s own credential chain).',
    )
  }
  return {
    region,
    endpoint,
    forcePathStyle: flag('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey: secretAccessKey! } : undefined,
    // Other S3-compatible stores reject or mangle the AWS SDK's default extra checksums
    // (x-amz-checksum-* headers, aws-chunked bodies); send them only where an operation requires one.
    ...(endpoint
      ? ({
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        } as const)
      : {}),
  }
}

function flag(name: string, value: string | undefined): boolean {
  const v = value?.trim().toLowerCase()
  if (!v || v === 'false' || v === '0') return false
  if (v === 'true' || v === '1') return true
  throw new Error(`${name} must be true or false (got “${value}”).`)
}
