import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/roles.ts'

const nobody = () => false

/**
 * What left the public site: one row per published document unpublished or deleted, written by
 * the content hooks (cms/hooks/recordRemoval.ts). The site build reads only what changed since its
 * last build, and learns here what to take away, without listing every document it has. Only IDs
 * are kept (nothing of the document), so the public may read it; nobody writes it through the API.
 */
export const SiteRemovals: CollectionConfig = {
  slug: 'site-removals',
  labels: { singular: '网站撤下记录', plural: '网站撤下记录' },
  admin: { hidden: true },
  access: { read: anyone, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'ofCollection', label: '集合', type: 'text', required: true, index: true },
    { name: 'docId', label: '文档 ID', type: 'text', required: true },
  ],
}
