import { queueSiteRebuild, queueSiteRebuildAfterDelete } from './queueSiteRebuild.ts'

/** The hooks every collection the public site shows carries: changes reach the site by themselves. */
export const publicContentHooks = {
  afterChange: [queueSiteRebuild],
  afterDelete: [queueSiteRebuildAfterDelete],
}
