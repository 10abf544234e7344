/**
 * What every community page needs, gathered once per community: the community, where it is, and its
 * content newest first. The leading underscore keeps this module out of Astro's routing.
 */
import * as content from '../../lib/content.ts'
import { timeline, type Dated, type TimelineItem } from '../../lib/archive.ts'
import { site } from '../../i18n/zh.ts'
import type { Place } from '../../lib/library.ts'
import { routes, type Crumb } from '../../lib/routes.ts'
import { shortCodes } from '../../lib/shortLink.ts'

export type CommunityContext = {
  community: content.Community
  district: content.District | undefined
  street: content.Street | undefined
  /** Newest first. */
  notices: content.Notice[]
  disclosures: content.Disclosure[]
  brandProjects: content.BrandProject[]
  caseStudies: content.CaseStudy[]
}

let contexts: Promise<CommunityContext[]> | undefined
/**
 * Gathered once per build: some twenty routes ask for them, and the store does not change while
 * pages render. Callers must not change the lists (copy before sorting).
 */
export function communityContexts(): Promise<CommunityContext[]> {
  contexts ??= gatherContexts()
  return contexts
}

async function gatherContexts(): Promise<CommunityContext[]> {
  const [communities, notices, disclosures, brandProjects, caseStudies, district, street] =
    await Promise.all([
      content.communities(),
      content.notices(),
      content.disclosures(),
      content.brandProjects(),
      content.caseStudies(),
      content.index('districts'),
      content.index('streets'),
    ])
  const [noticesOf, disclosuresOf, brandProjectsOf, caseStudiesOf] = [
    content.byCommunity(notices),
    content.byCommunity(disclosures),
    content.byCommunity(brandProjects),
    content.byCommunity(caseStudies),
  ]
  return communities.map((community) => ({
    community,
    district: district(community.data.district),
    street: street(community.data.street),
    notices: noticesOf(community.id),
    disclosures: disclosuresOf(community.id),
    brandProjects: brandProjectsOf(community.id),
    caseStudies: caseStudiesOf(community.id),
  }))
}

/** The community as a place (for search records and bylines). */
export const placeOf = (ctx: CommunityContext): Place => ({
  community: ctx.community,
  street: ctx.street,
  district: ctx.district,
})

/** Communities that have published anything dated get a notice list, archive and feed. */
export const hasTimeline = (ctx: CommunityContext) =>
  ctx.notices.length + ctx.disclosures.length > 0

export const meetingsOf = (ctx: CommunityContext) =>
  ctx.notices.filter((notice) => notice.data.meeting !== null)

const timelines = new WeakMap<CommunityContext, Dated<TimelineItem>[]>()
/**
 * Notices and disclosures together, newest first (Beijing year and month attached). Made once per
 * community: every archive page's key counts its whole year. Callers must not change it.
 */
export function communityTimeline(ctx: CommunityContext): Dated<TimelineItem>[] {
  let list = timelines.get(ctx)
  if (!list) {
    list = timeline<TimelineItem>(
      [
        ...ctx.notices.map((entry) => ({ type: 'notice' as const, entry })),
        ...ctx.disclosures.map((entry) => ({ type: 'disclosure' as const, entry })),
      ],
      (item) => item.entry.data.publishedAt,
      (item) => item.entry.data.title,
    )
    timelines.set(ctx, list)
  }
  return list
}

/** 首页 › 区 › 街道 › 居委会: the full trail, for the community's own page. */
export function placeCrumbs(ctx: CommunityContext): Crumb[] {
  return [
    { label: site.home, href: routes.home() },
    ...(ctx.district
      ? [{ label: ctx.district.data.name, href: routes.district(ctx.district.id) }]
      : []),
    ...(ctx.street ? [{ label: ctx.street.data.name, href: routes.street(ctx.street.id) }] : []),
    { label: ctx.community.data.name, href: routes.community(ctx.community.id) },
  ]
}

/** 首页 › 居委会 › …: shorter, so the trail of a notice still fits two lines on a phone. */
export function communityCrumbs(ctx: CommunityContext, ...tail: Crumb[]): Crumb[] {
  return [
    { label: site.home, href: routes.home() },
    { label: ctx.community.data.name, href: routes.community(ctx.community.id) },
    ...tail,
  ]
}

let codes: Promise<Map<string, string>> | undefined
/** Every notice's and disclosure's page path with its short link code, unique across the site. */
export function shortLinks(): Promise<Map<string, string>> {
  codes ??= communityContexts().then((contexts) =>
    shortCodes(
      contexts.flatMap((ctx) => [
        ...ctx.notices.map((n) => routes.notice(ctx.community.id, n.id)),
        ...ctx.disclosures.map((d) => routes.disclosure(ctx.community.id, d.id)),
      ]),
    ),
  )
  return codes
}

/** The short link (/t/…/) of a notice's or disclosure's page. */
export async function shortLinkOf(itemPath: string): Promise<string> {
  const code = (await shortLinks()).get(itemPath)
  if (!code) throw new Error(`no short link for ${itemPath}`)
  return routes.shortLink(code)
}
