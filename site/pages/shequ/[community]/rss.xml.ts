/** A community's notices and disclosures as RSS, newest first. Only published content reaches the site. */
import { keyed } from '../../../lib/cacheKey.ts'
import rss from '@astrojs/rss'
import type { APIRoute, GetStaticPaths } from 'astro'

import { community as t } from '../../../i18n/zh.ts'
import { plainExcerpt } from '../../../lib/archive.ts'
import { routes } from '../../../lib/routes.ts'
import {
  communityContexts,
  communityTimeline,
  hasTimeline,
  type CommunityContext,
} from '../_community.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts())
      .filter(hasTimeline)
      .map((ctx) => ({ params: { community: ctx.community.id }, props: { ctx } })),
    ({ props }) => props.ctx,
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) => {
  const ctx = props.ctx as CommunityContext
  const { name } = ctx.community.data
  return rss({
    title: t.feedTitle(name),
    description: t.feedDescription(name),
    site: new URL(routes.community(ctx.community.id), site),
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: communityTimeline(ctx).map(({ item }) => ({
      title: item.entry.data.title,
      link: new URL(
        item.type === 'notice'
          ? routes.notice(item.entry.data.community.id, item.entry.id)
          : routes.disclosure(item.entry.data.community.id, item.entry.id),
        site,
      ).href,
      pubDate: new Date(item.entry.data.publishedAt),
      description: item.entry.data.summary ?? plainExcerpt(item.entry.data.bodyHtml),
    })),
  })
}
