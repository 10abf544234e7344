/**
 * The published notices of DATA_DIR's database, as the JSON data file the Eleventy peer
 * (site/bench/eleventyPeer.ts) builds its pages from: read once through the Local API as an anonymous
 * visitor (what the site's build may see), rich text already turned into HTML the way the site's
 * loader does it, and the interface strings from the site's own i18n module. Run in its own process
 * because Payload opens the database named by the environment it starts in.
 *   DATA_DIR=… node site/bench/exportNotices.ts out.json
 */
import { writeFileSync } from 'node:fs'

import { openCms } from '../../cms/open.ts'
import type { Notice } from '../../cms/payload-types.ts'
import { community as tc, label, notice as tn, site } from '../i18n/zh.ts'
import { richTextToHtml } from '../loaders/richText.ts'
import { routes } from '../lib/routes.ts'

type Doc = {
  title: string
  slug: string
  kind: Notice['kind']
  summary?: string | null
  publishedAt: string
  validUntil?: string | null
  pinned?: boolean | null
  meeting?: { startsAt?: string | null; endsAt?: string | null; place?: string | null } | null
  body?: unknown
  community: { slug: string; name: string; _status?: string } | string | number | null
}

const out = process.argv[2]
if (!out) throw new Error('usage: exportNotices.ts <out.json>')
const payload = await openCms()
const started = Date.now()
const { docs } = await payload.find({
  collection: 'notices',
  pagination: false,
  depth: 1,
  populate: { communities: { slug: true, name: true } } as never,
  overrideAccess: false,
})
const notices = (docs as unknown as Doc[])
  .filter((doc) => doc.community && typeof doc.community === 'object')
  .map((doc) => {
    const community = doc.community as { slug: string; name: string }
    return {
      url: routes.notice(community.slug, doc.slug),
      title: doc.title,
      summary: doc.summary ?? null,
      kind: label('noticeKind', doc.kind),
      pinned: Boolean(doc.pinned),
      publishedAt: doc.publishedAt,
      validUntil: doc.validUntil ?? null,
      meeting: doc.meeting?.startsAt ? doc.meeting : null,
      icsUrl: routes.noticeIcs(community.slug, doc.slug),
      community: {
        name: community.name,
        url: routes.community(community.slug),
        notices: routes.notices(community.slug),
        feed: routes.communityRss(community.slug),
        feedTitle: tc.feedTitle(community.name),
        backTo: tn.backTo(community.name),
      },
      bodyHtml: richTextToHtml(doc.body),
    }
  })
const strings = {
  site,
  notice: Object.fromEntries(Object.entries(tn).filter(([, value]) => typeof value === 'string')),
  noticesCrumb: tc.noticesCrumb,
  allNotices: tc.allNotices,
  routes: { home: routes.home(), cases: routes.cases(), brands: routes.brandProjects() },
  search: routes.search(),
  rss: routes.rss(),
}
writeFileSync(out, JSON.stringify({ notices, strings }))
console.log(`Exported ${notices.length} notices in ${((Date.now() - started) / 1000).toFixed(1)}s`)
process.exit(0)
