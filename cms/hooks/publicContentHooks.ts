import { queueSiteRebuild, queueSiteRebuildAfterDelete } from './queueSiteRebuild.ts'
import { recordDeletion, recordUnpublish } from './recordRemoval.ts'

/** The hooks every collection the public site shows carries: changes reach the site by themselves. */
export const publicContentHooks = {
  afterChange: [recordUnpublish, queueSiteRebuild],
  afterDelete: [recordDeletion, queueSiteRebuildAfterDelete],
}
