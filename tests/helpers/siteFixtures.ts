/**
 * Run as a script against a copy of the corpus database before the test site is built: adds states
 * the content/ folder does not have: drafts of every kind (to check the build for leaks), files only
 * drafts use (and a stale copy of one left in the site's media folders, as a build made while it was
 * public would have left it), and a published disclosure corrected after publication (to check its
 * public correction log).
 *   DATA_DIR=… node tests/helpers/siteFixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { openCms } from '../../cms/open.ts'
import { filesDir, imagesDir } from '../../site/loaders/mediaFiles.ts'
import { pdf } from './testFiles.ts'
import {
  CORRECTED_DISCLOSURE,
  CORRECTION_NOTE,
  DRAFT_MARK,
  PRIVATE_FILE_MARK,
} from './siteFixtureValues.ts'

const payload = await openCms()
const first = async (collection: 'communities' | 'sources' | 'notices') =>
  (
    await payload.find({
      collection,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      where: collection === 'notices' ? { _status: { equals: 'published' } } : {},
    })
  ).docs[0]
const source = await first('sources')
const community = (
  await payload.find({
    collection: 'communities',
    where: { demo: { equals: true } },
    depth: 0,
    overrideAccess: true,
  })
).docs[0]

const privateFile = async (name: string) => {
  const data = name.endsWith('.pdf')
    ? pdf('低保名单（扫描件）')
    : await sharp({ create: { width: 500, height: 300, channels: 3, background: '#c03030' } })
        .png()
        .toBuffer()
  const mimetype = name.endsWith('.pdf') ? 'application/pdf' : 'image/png'
  const doc = await payload.create({
    collection: 'media',
    data: { alt: '只有草稿使用的文件', community: community.id } as never,
    file: { data, mimetype, name: `${PRIVATE_FILE_MARK}${name}`, size: data.length },
    overrideAccess: true,
  })
  return { id: doc.id, data }
}
const onDraft = await privateFile('draft.png')
const onRevision = await privateFile('revision.png')
const onReview = await privateFile('scan.pdf')
const stale = await privateFile('stale.png')
for (const dir of [imagesDir, filesDir]) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, `${PRIVATE_FILE_MARK}stale.png`), stale.data)
}

const create = (
  collection: 'case-studies' | 'communities' | 'disclosures' | 'notices',
  data: Record<string, unknown>,
) =>
  payload.create({
    collection,
    data: { ...data, _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
  })

await create('case-studies', {
  title: `${DRAFT_MARK}案例`,
  slug: 'draft-leak-case',
  genre: 'grassroots',
  source: { publication: source.id },
})
await create('communities', {
  name: `${DRAFT_MARK}居委会`,
  slug: 'draft-leak-community',
  kind: 'residents-committee',
})
await create('notices', {
  title: `${DRAFT_MARK}通知`,
  slug: 'draft-leak-notice',
  kind: 'other',
  community: community.id,
  attachments: [onDraft.id],
})
// A scan attached to a disclosure waiting for review: what the personal-data check cannot read.
await create('disclosures', {
  title: `${DRAFT_MARK}待审核公开`,
  slug: 'draft-leak-disclosure',
  category: 'other',
  period: { year: 2026 },
  community: community.id,
  attachments: [onReview.id],
  review: { state: 'submitted' },
})

// A published notice whose newer draft must not replace what the public sees.
const published = await first('notices')
await payload.update({
  collection: 'notices',
  id: published.id,
  data: { title: `${DRAFT_MARK}修改稿`, attachments: [onRevision.id] } as never,
  draft: true,
  overrideAccess: true,
})
// A correction to a published disclosure, published with its change note.
const [finance] = (
  await payload.find({
    collection: 'disclosures',
    where: { slug: { equals: CORRECTED_DISCLOSURE } },
    depth: 0,
    overrideAccess: true,
  })
).docs
await payload.update({
  collection: 'disclosures',
  id: finance.id,
  data: {
    summary: `${finance.summary ?? ''}（已更正）`,
    changeNote: CORRECTION_NOTE,
    _status: 'published',
  } as never,
  overrideAccess: true,
})
process.exit(0)
