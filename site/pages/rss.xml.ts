/**
 * The site-wide feed: the newest notices and disclosures of every community, for residents who follow
 * several committees (or the whole site) in one reader. Each community has its own feed as well.
 */
import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { label, site } from '../i18n/zh.ts'
import { disclosures, index, notices, type Ref } from '../lib/content.ts'
import { routes } from '../lib/routes.ts'

const LIMIT = 50

export async function GET(context: APIContext) {
  const [allNotices, allDisclosures, community] = await Promise.all([
    notices(),
    disclosures(),
    index('communities'),
  ])
  const name = (ref: Ref) => community(ref)?.data.name ?? ''

  const items = [
    ...allNotices.map((notice) => ({
      title: `${name(notice.data.community)}：${notice.data.title}`,
      link: routes.notice(notice.data.community.id, notice.id),
      pubDate: new Date(notice.data.publishedAt),
      description: notice.data.summary ?? notice.data.title,
      categories: [label('noticeKind', notice.data.kind), name(notice.data.community)],
    })),
    ...allDisclosures.map((disclosure) => ({
      title: `${name(disclosure.data.community)}：${disclosure.data.title}`,
      link: routes.disclosure(disclosure.data.community.id, disclosure.id),
      pubDate: new Date(disclosure.data.publishedAt),
      description: disclosure.data.summary ?? disclosure.data.title,
      categories: [
        label('disclosureCategory', disclosure.data.category),
        name(disclosure.data.community),
      ],
    })),
  ]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())
    .slice(0, LIMIT)
    // @astrojs/rss resolves relative links against `site`, so every link in the feed is absolute.
    .map((item) => ({ ...item, link: new URL(item.link, context.site).href }))

  return rss({
    title: site.name,
    description: site.description,
    site: context.site!,
    items,
    customData: '<language>zh-cn</language>',
  })
}
