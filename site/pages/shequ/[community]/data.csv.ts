/** A committee's open data as a spreadsheet: a row per notice, disclosure and finance line item. */
import type { APIRoute, GetStaticPaths } from 'astro'

import { communityCsv } from '../../../opendata/files.ts'
import { keyed } from '../../../lib/cacheKey.ts'
import { communityContexts, type CommunityContext } from '../_community.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts()).map((ctx) => ({
      params: { community: ctx.community.id },
      props: { ctx },
    })),
    ({ props: { ctx } }) => [ctx.community, ctx.notices, ctx.disclosures],
  )) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props, site }) => {
  const { ctx } = props as { ctx: CommunityContext }
  const csv = communityCsv(ctx, { absolute: (p) => new URL(p, site).href })
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
}
