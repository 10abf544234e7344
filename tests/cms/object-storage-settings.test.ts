import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { Media } from '../../cms/collections/Media/index.ts'
import { objectStorage } from '../../cms/storage.ts'

/**
 * The S3_* variables (cms/storage.ts): a bucket switches uploads to object storage, none leaves them
 * on disk with the very same schema (the committed SQLite migrations serve both), and settings that
 * cannot work are refused when the CMS starts, with a sentence naming the variable.
 */
const BUCKET = {
  S3_BUCKET: 'jumin-media',
  S3_REGION: 'cn-shanghai',
  S3_ENDPOINT: 'https://s3.oss-cn-shanghai.aliyuncs.com',
  S3_ACCESS_KEY_ID: 'id',
  S3_SECRET_ACCESS_KEY: 'secret',
}

const media = (env: Record<string, string | undefined>) => {
  const config = objectStorage(env)({ collections: [Media] } as Config) as Config
  return config.collections!.find((c) => c.slug === 'media') as CollectionConfig & {
    upload: Record<string, unknown>
  }
}
const fieldNames = (collection: CollectionConfig) =>
  collection.fields.map((field) => ('name' in field ? field.name : '')).sort()

describe('where uploads go', () => {
  it('a bucket takes the files off the disk', () => {
    const collection = media(BUCKET)
    expect(collection.upload.disableLocalStorage).toBe(true)
    expect(collection.upload.adapter).toBe('s3')
  })

  it('without a bucket the files stay in the media folder', () => {
    const collection = media({})
    expect(collection.upload.disableLocalStorage).toBeFalsy()
    expect(collection.upload.adapter).toBeUndefined()
  })

  it('both ways the media collection has the same fields, so one schema serves both', () => {
    expect(fieldNames(media({}))).toEqual(fieldNames(media(BUCKET)))
    expect(fieldNames(media({}))).toEqual(expect.arrayContaining(['prefix', '_objectKey']))
  })
})

describe('settings that cannot work are refused at start', () => {
  it.each([
    [{ S3_REGION: '' }, /S3_REGION/],
    [{ S3_ENDPOINT: 'oss-cn-shanghai.aliyuncs.com' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ S3_SECRET_ACCESS_KEY: '' }, /both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/],
    [{ S3_ACCESS_KEY_ID: '' }, /both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/],
    [{ S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be true or false/],
  ])('%o', (change, message) => {
    expect(() => objectStorage({ ...BUCKET, ...change })).toThrow(message)
  })

  it('none of the other S3_* variables matter without a bucket', () => {
    expect(() => objectStorage({ S3_FORCE_PATH_STYLE: 'yes', S3_ENDPOINT: 'nope' })).not.toThrow()
  })
})
