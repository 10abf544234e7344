/**
 * A community's 公开目录 status from the site's content: the same computation the admin dashboard
 * and the reminder e-mails run on the CMS (cms/catalogue/status.ts), fed with the published entries
 * the site was built from, keyed by slug.
 */
import { effectiveCatalogueItem } from '../../cms/catalogue/deriveItem.ts'
import { communityStatus, type CommunityStatus } from '../../cms/catalogue/status.ts'
import type { CatalogueItem as Item, MeetingFact } from '../../cms/catalogue/types.ts'
import {
  refId,
  type CatalogueItem,
  type Community,
  type Disclosure,
  type Notice,
} from './content.ts'
import { buildTime } from './buildTime.ts'

const itemOf = (entry: CatalogueItem): Item => ({
  id: entry.id,
  ...entry.data,
  communities: entry.data.communities.map((ref) => refId(ref)!),
})

export function catalogueStatus(
  community: Community,
  entries: CatalogueItem[],
  disclosures: Disclosure[],
  notices: Notice[],
  now = buildTime(),
): CommunityStatus {
  const items = entries.map(itemOf)
  return communityStatus(items, {
    community: community.id,
    trackedSince: community.data.trackedSince,
    disclosures: disclosures.map((d) => {
      const fact = {
        id: d.id,
        title: d.data.title,
        category: d.data.category,
        period: d.data.period,
        publishedAt: d.data.publishedAt,
        relatedNotice: refId(d.data.relatedNotice) ?? null,
        catalogueItem: refId(d.data.catalogueItem) ?? null,
        community: community.id,
      }
      return { ...fact, catalogueItem: effectiveCatalogueItem(fact, items) }
    }),
    meetings: notices
      .filter((n) => n.data.meeting)
      .map((n): MeetingFact => ({
        id: n.id,
        title: n.data.title,
        startsAt: n.data.meeting!.startsAt,
        endsAt: n.data.meeting!.endsAt,
      })),
    now,
  })
}
