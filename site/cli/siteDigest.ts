import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { beijingDay, isoDay } from '../../cms/beijingTime.ts'
import { CONTENT_TYPES } from '../../cms/contentTypes.ts'
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
 * A digest of everything the public site is built from: what the public can read in the CMS (IDs
 * and update times), the site's own sources and the day it is built for. Equal digests mean the
 * built site is current.
 */
export async function siteDigest(payload: Payload): Promise<string> {
  const hash = createHash('sha256')
  for (const { collection } of CONTENT_TYPES) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      pagination: false,
      overrideAccess: false,
      select: { updatedAt: true },
      sort: 'id',
    })
    hash.update(collection).update(JSON.stringify(docs))
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
