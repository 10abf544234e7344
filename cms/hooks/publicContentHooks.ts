import type { CollectionConfig } from 'payload'

import { notePublicBefore } from './affectsPublic.ts'
import { queueSiteRebuild, queueSiteRebuildAfterDelete } from './queueSiteRebuild.ts'
import { recordDeletion, recordUnpublish } from './recordRemoval.ts'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * The hooks of every collection the public site shows, so its changes reach the site by
 * themselves, added to the collection's own: its `beforeChange` hooks first (they shape the data),
 * then the check of what the public could see before the save.
 */
export const publicContentHooks = (own: Hooks = {}): Hooks => ({
  ...own,
  beforeChange: [...(own.beforeChange ?? []), notePublicBefore],
  afterChange: [...(own.afterChange ?? []), recordUnpublish, queueSiteRebuild],
  afterDelete: [...(own.afterDelete ?? []), recordDeletion, queueSiteRebuildAfterDelete],
})
