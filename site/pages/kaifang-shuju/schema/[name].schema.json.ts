/** The JSON Schema of each open-data file, published beside the files. */
import type { APIRoute, GetStaticPaths } from 'astro'

import { keyed } from '../../../lib/cacheKey.ts'
import { SCHEMAS, schemaOf } from '../../../opendata/registry.ts'
import { routes } from '../../../lib/routes.ts'

export const getStaticPaths = (() =>
  keyed(
    SCHEMAS.map(({ name }) => ({ params: { name }, props: {} })),
    ({ params }) => params.name,
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ params, site }) => {
  const { schema } = schemaOf(params.name!)
  const id = new URL(routes.openDataSchema(params.name!), site).href
  return new Response(JSON.stringify({ $id: id, ...schema }, null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  })
}
