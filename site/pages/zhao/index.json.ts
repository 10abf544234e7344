/** The 找我的居委会 lookup index (site/lookup/lookupIndex.ts), one file for every published committee. */
import type { APIRoute } from 'astro'

import { communities } from '../../lib/content.ts'
import { placeResolver } from '../../lib/library.ts'
import { buildLookupIndex } from '../../lookup/lookupIndex.ts'

export const GET: APIRoute = async () => {
  const [all, placeOf] = await Promise.all([communities(), placeResolver()])
  const index = buildLookupIndex(
    all.map((community) => {
      const place = placeOf({ data: { community: community.id, street: null, district: null } })
      return {
        slug: community.id,
        name: community.data.name,
        place: [place.district?.data.name, place.street?.data.name].filter(Boolean).join(' '),
        area: community.data.serviceArea,
      }
    }),
  )
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
