/**
 * Incremental builds (astro.config.mjs: experimental.incrementalBuild) keep a page's earlier output
 * when its `cacheKey` from getStaticPaths() and its templates are unchanged. A key must therefore be
 * the digest of exactly what the page shows: the entries it renders (each stands for its loader
 * digest), the clock-dependent state it shows (a notice expired, a meeting over), and, for pages
 * that look names up in small collections (places, taxonomies, sources), those whole collections.
 * Get one wrong and tests/site/incremental-build.test.ts finds the page a full build renders
 * differently.
 */
import { createHash } from 'node:crypto'

import { getCollection, type CollectionKey } from 'astro:content'

import { isExpired, meetingEnded, type Notice } from './content.ts'
import { isAboutTarget, previewTarget } from './previewTarget.ts'

type EntryLike = { id: string; collection: string; digest?: string | number; data: unknown }

const isEntry = (value: unknown): value is EntryLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EntryLike).collection === 'string' &&
  typeof (value as EntryLike).id === 'string' &&
  'data' in value

const tokens = new WeakMap<EntryLike, string>()
/**
 * An entry as it counts for a page: which one, which version, and where the clock has it. Taken
 * once per entry: a notice counts for its page, its files, and every list, feed and archive page
 * that shows it. (The store and the build's clock do not change while pages render.)
 */
function entryToken(entry: EntryLike): string {
  let token = tokens.get(entry)
  if (token === undefined) {
    token = freshToken(entry)
    tokens.set(entry, token)
  }
  return token
}

function freshToken(entry: EntryLike): string {
  const token = `${entry.collection}/${entry.id}@${entry.digest ?? JSON.stringify(entry.data)}`
  if (entry.collection !== 'notices') return token
  const notice = entry as unknown as Notice
  const ended = notice.data.meeting ? meetingEnded(notice.data.meeting) : null
  return `${token}:${isExpired(notice) ? 'expired' : 'current'}:${ended}`
}

const collectionDigests = new Map<string, Promise<string>>()
/** One digest of a whole collection, taken once per build. */
function collectionDigest(collection: CollectionKey): Promise<string> {
  let digest = collectionDigests.get(collection)
  if (!digest) {
    digest = getCollection(collection).then((entries) => {
      const hash = createHash('sha1')
      for (const entry of [...entries].sort((a, b) => a.id.localeCompare(b.id)))
        hash.update(entryToken(entry as EntryLike)).update('\n')
      return hash.digest('hex')
    })
    collectionDigests.set(collection, digest)
  }
  return digest
}

/** The cacheKey of a page showing `shown`, and looking names up in `lookups`. */
export async function cacheKey(shown: unknown, ...lookups: CollectionKey[]): Promise<string> {
  const hash = createHash('sha1')
  hash.update(
    JSON.stringify(shown, (_key, value) => (isEntry(value) ? entryToken(value) : value)) ?? '',
  )
  for (const collection of lookups)
    hash.update(collection).update(await collectionDigest(collection))
  return hash.digest('hex')
}

/** What the case library's pages look names up in: places, taxonomies, sources, cases, projects. */
export const LIBRARY_LOOKUPS: CollectionKey[] = [
  'caseStudies',
  'brandProjects',
  'communities',
  'streets',
  'districts',
  'sources',
  'problemCategories',
  'mechanisms',
]

/**
 * Adds each path's cacheKey: the digest of `shown(path)`, plus the `lookups` collections. In the
 * draft preview's renderer, only the paths of pages about the draft are kept
 * (site/lib/previewTarget.ts).
 */
export function keyed<P extends { props: object }>(
  paths: P[],
  shown: (path: P) => unknown,
  ...lookups: CollectionKey[]
): Promise<Array<P & { cacheKey: string }>> {
  const target = previewTarget()
  const built = target ? paths.filter((path) => isAboutTarget(path.props, target)) : paths
  return Promise.all(
    built.map(async (path) => ({ ...path, cacheKey: await cacheKey(shown(path), ...lookups) })),
  )
}
