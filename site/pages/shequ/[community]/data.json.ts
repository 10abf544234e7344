/** A committee's open data: its published notices and disclosures (site/opendata/). */
import type { APIRoute, GetStaticPaths } from 'astro'

import { communityData } from '../../../opendata/files.ts'
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
  const data = communityData(ctx, { absolute: (p) => new URL(p, site).href })
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
