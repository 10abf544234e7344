/** The city-wide open-data files: cases, brand projects and committees (site/opendata/files.ts). */
import type { APIRoute, GetStaticPaths } from 'astro'

import { keyed, LIBRARY_LOOKUPS } from '../../lib/cacheKey.ts'
import { cityFile } from '../../opendata/files.ts'
import { CITY_FILES } from '../../opendata/registry.ts'

export const getStaticPaths = (() =>
  keyed(
    CITY_FILES.map(({ file }) => ({ params: { file }, props: {} })),
    ({ params: { file } }) => [file],
    ...LIBRARY_LOOKUPS,
  )) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params, site }) => {
  const file = params.file!
  const body = await cityFile(file, { absolute: (p) => new URL(p, site).href })
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/json'
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } })
}
