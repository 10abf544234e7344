import { readFileSync } from 'node:fs'
import path from 'node:path'

import { bucketFragments, type BucketListing } from '../../site/cli/searchIndex.ts'

export type Fragment = {
  url: string
  content: string
  meta: Record<string, string>
  filters: Record<string, string[]>
}

/**
 * What a built site's Pagefind index holds, as the search page sees it: the fragment of every page,
 * from every bucket buckets.json lists, without the entries it lists as superseded. Sorted by URL.
 */
export function liveFragments(site: string): Fragment[] {
  const bundle = path.join(site, 'pagefind')
  const listing = JSON.parse(
    readFileSync(path.join(bundle, 'buckets.json'), 'utf8'),
  ) as BucketListing
  return listing.buckets
    .flatMap((bucket) => bucketFragments<Fragment>(path.join(bundle, bucket)))
    .filter(([id]) => !(id in listing.superseded))
    .map(([, fragment]) => fragment)
    .sort((a, b) => a.url.localeCompare(b.url))
}
