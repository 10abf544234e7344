/**
 * Run as a script against a copy of the corpus database before the test site is built: adds states
 * the content/ folder does not have: drafts of every kind (to check the build for leaks) and a
 * published disclosure corrected after publication (to check its public correction log).
 *   DATA_DIR=… node tests/helpers/siteFixtures.ts
 */
import { openCms } from '../../cms/open.ts'
import { CORRECTED_DISCLOSURE, CORRECTION_NOTE, DRAFT_MARK } from './siteFixtureValues.ts'

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

const create = (
  collection: 'case-studies' | 'communities' | 'notices',
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
})

// A published notice whose newer draft must not replace what the public sees.
const published = await first('notices')
await payload.update({
  collection: 'notices',
  id: published.id,
  data: { title: `${DRAFT_MARK}修改稿` } as never,
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
