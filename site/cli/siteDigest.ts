import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

import { beijingDay, isoDay } from '../../cms/beijingTime.ts'
import { CONTENT_TYPES } from '../../cms/contentTypes.ts'
import { LATE_COMMIT_MS } from '../../cms/lateCommit.ts'
import { projectRoot } from '../../cms/paths.ts'
import { buildTime } from '../lib/buildTime.ts'
import { siteOutput } from './siteOutput.ts'

// Beside the build's working folder: the served generations are never written in place.
const STAMP = () => path.join(path.dirname(siteOutput().outDir), 'source-digest')

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) hashTree(hash, full)
    else hash.update(full).update(readFileSync(full))
  }
}

/**
 * What the public can read of one collection, in a few one-row queries whatever its size: how many
 * documents, the newest save, every save within LATE_COMMIT_MS of it (a save that commits late
 * carries an older `updatedAt`, cms/lateCommit.ts), and how many documents left the site
 * (collections/SiteRemovals). Any publish, edit, unpublish or deletion changes one of these.
 */
async function publicState(payload: Payload, collection: CollectionSlug) {
  const read = { depth: 0, overrideAccess: false, select: { updatedAt: true } } as const
  const { totalDocs, docs } = await payload.find({
    collection,
    ...read,
    sort: '-updatedAt',
    limit: 1,
  })
  const newest = (docs[0] as { updatedAt?: string } | undefined)?.updatedAt
  const late = newest
    ? await payload.find({
        collection,
        ...read,
        where: {
          updatedAt: {
            greater_than_equal: new Date(Date.parse(newest) - LATE_COMMIT_MS).toISOString(),
          },
        },
        sort: 'id',
        pagination: false,
      })
    : { docs: [] }
  const removals = await payload.find({
    collection: 'site-removals',
    where: { ofCollection: { equals: collection } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return [totalDocs, late.docs, removals.totalDocs, removals.docs[0]?.createdAt ?? null]
}

/**
 * A digest of everything the public site is built from: what the public can read in the CMS, the
 * site's own sources and the day it is built for. Equal digests mean the built site is current.
 * Its cost does not grow with the content: it is taken before every build.
 */
export async function siteDigest(payload: Payload): Promise<string> {
  const hash = createHash('sha256')
  for (const { collection } of CONTENT_TYPES) {
    hash.update(collection).update(JSON.stringify(await publicState(payload, collection)))
  }
  for (const dir of [
    'site/pages',
    'site/components',
    'site/layouts',
    'site/lib',
    'site/i18n',
    'site/styles',
    'site/loaders',
    'cms/catalogue',
  ]) {
    if (existsSync(path.join(projectRoot, dir))) hashTree(hash, path.join(projectRoot, dir))
  }
  for (const file of [
    'astro.config.mjs',
    'site/content.config.ts',
    'cms/labels.ts',
    'cms/contentTypes.ts',
    'cms/beijingTime.ts',
    'package-lock.json',
  ]) {
    hash.update(readFileSync(path.join(projectRoot, file)))
  }
  // The 公开目录 counts due dates from the day it is built: a site built yesterday is out of date.
  hash.update(isoDay(beijingDay(buildTime())))
  return hash.digest('hex')
}

export const builtDigest = () => (existsSync(STAMP()) ? readFileSync(STAMP(), 'utf8') : null)
export const recordDigest = (digest: string) => writeFileSync(STAMP(), digest)
