import type { CollectionConfig } from 'payload'

import { ownCommunity } from '../../access/ownCommunity.ts'
import { publicOrOwnMedia } from '../../access/publicOrOwnMedia.ts'
import { isLoggedIn } from '../../access/roles.ts'
import { communityField } from '../../fields/community.ts'
import { notInFiles } from '../../fields/notInFiles.ts'
import { assertCommunityAllowed } from '../../hooks/assertCommunityAllowed.ts'
import { assertUploadSize } from './hooks/assertUploadSize.ts'
import { ALLOWED_MIME_TYPES } from './limits.ts'
import { publicContentHooks } from '../../hooks/publicContentHooks.ts'

/** Kept by hooks/trackMediaUse.ts only: nobody writes these through the API. */
const derived = { create: () => false, update: () => false }

/** Uploaded images and PDFs (attachments, covers). Type is checked from the file's bytes, not its name. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '媒体文件', plural: '媒体文件' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'community', 'isPublic'],
    group: '内容',
  },
  access: {
    read: publicOrOwnMedia,
    create: ownCommunity(),
    update: ownCommunity(),
    delete: ownCommunity(),
  },
  hooks: publicContentHooks({
    beforeOperation: [assertUploadSize],
    beforeValidate: [assertCommunityAllowed()],
  }),
  // staticDir (MEDIA_DIR) is set in payload.config.ts.
  upload: {
    mimeTypes: ALLOWED_MIME_TYPES,
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        formatOptions: { format: 'webp', options: { quality: 80 } },
      },
      { name: 'card', width: 800, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'large', width: 1600, formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
    // The file route answers by who asks (the read rule), so no shared cache (a CDN in front of
    // the CMS, a proxy) may keep an answer for the next visitor. Public copies are on the static site.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  fields: [
    {
      name: 'alt',
      label: '替代文字',
      type: 'text',
      admin: { description: '图片内容的文字描述，供读屏软件朗读。图片必填。' },
      validate: (value: unknown, { data }: { data: { mimeType?: string } }) =>
        data?.mimeType?.startsWith('image/') && !(typeof value === 'string' && value.trim())
          ? '图片必须填写替代文字。'
          : true,
    },
    communityField(false),
    notInFiles({
      name: 'isPublic',
      label: '已公开',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: derived,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: '被已发布的内容使用时自动公开；否则只有本居委会及上级工作人员能看到。',
      },
    }),
    notInFiles({
      name: 'usedByPublished',
      type: 'text',
      hasMany: true,
      access: { ...derived, read: isLoggedIn },
      admin: { hidden: true },
    }),
  ],
}
