/**
 * What each item's share image shows (site/share/shareImage.ts draws it), and the image's address
 * with `?v=` its digest: WeChat keeps a link preview's image by URL, so a changed image needs a
 * changed URL. One card per notice or disclosure, made the same way by its page and its image.
 */
import path from 'node:path'

import { projectRoot } from '../../cms/paths.ts'
import { community as tc, disclosure as td, label, site } from '../i18n/zh.ts'
import type { Community, Disclosure, Notice } from '../lib/content.ts'
import { formatDate, formatDateTime } from '../../cms/beijingTime.ts'
import { routes } from '../lib/routes.ts'
import { shareDigest, shareFontFile, type ShareCard } from './shareImage.ts'

/** Rendered images, kept between builds (SHARE_CACHE_DIR to keep them elsewhere). */
export const shareCacheDir = path.resolve(
  projectRoot,
  process.env.SHARE_CACHE_DIR || 'node_modules/.cache/share-images',
)

/** The wide space between a card's date and its period, as in printed Chinese notices. */
const IDEOGRAPHIC_SPACE = '\u3000'

const badge = (community: Community) => (community.data.demo ? site.demoBadge : null)

export const noticeCard = (notice: Notice, community: Community): ShareCard => ({
  kind: label('noticeKind', notice.data.kind),
  title: notice.data.title,
  community: community.data.name,
  date: notice.data.meeting
    ? formatDateTime(notice.data.meeting.startsAt)
    : formatDate(notice.data.publishedAt),
  badge: badge(community),
  site: site.name,
})

export const disclosureCard = (disclosure: Disclosure, community: Community): ShareCard => ({
  kind: `${tc.disclosuresCrumb} · ${label('disclosureCategory', disclosure.data.category)}`,
  title: disclosure.data.title,
  community: community.data.name,
  date: `${td.periodValue(disclosure.data.period)}${IDEOGRAPHIC_SPACE}${formatDate(disclosure.data.publishedAt)}`,
  badge: badge(community),
  site: site.name,
})

let warned = false
/** Whether this machine can draw share images; says once why not when it cannot. */
export function shareImagesAvailable(): boolean {
  const font = shareFontFile()
  if (!font && !warned) {
    warned = true
    console.warn(
      'Share images (og:image) left out: no Chinese font. Install fonts-noto-cjk (Debian) or set SHARE_FONT_FILE.',
    )
  }
  return Boolean(font)
}

/** The image's URL for the page's og:image, or undefined on a machine without the font. */
export function shareImageUrl(card: ShareCard, imagePath: string): string | undefined {
  return shareImagesAvailable() ? `${imagePath}?v=${shareDigest(card)}` : undefined
}

export const noticeImagePath = (notice: Notice) =>
  routes.noticeShareImage(notice.data.community.id, notice.id)
export const disclosureImagePath = (disclosure: Disclosure) =>
  routes.disclosureShareImage(disclosure.data.community.id, disclosure.id)
