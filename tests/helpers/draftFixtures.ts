/**
 * Run as a script against a copy of the corpus database before the test site is built: adds drafts
 * the content/ folder does not have, so the build can be checked for leaks of every kind of draft.
 *   DATA_DIR=… node tests/helpers/draftFixtures.ts
 */
import { openCms } from '../../cms/open.ts'

export const DRAFT_MARK = '草稿泄漏检查'

const payload = await openCms()
const first = async (collection: 'communities' | 'sources' | 'notices') =>
  (await payload.find({ collection, limit: 1, depth: 0, overrideAccess: true, where: collection === 'notices' ? { _status: { equals: 'published' } } : {} })).docs[0]
const source = await first('sources')
const community = (await payload.find({ collection: 'communities', where: { demo: { equals: true } }, depth: 0, overrideAccess: true })).docs[0]

const create = (collection: 'case-studies' | 'communities' | 'notices', data: Record<string, unknown>) =>
  payload.create({ collection, data: { ...data, _status: 'draft' } as never, draft: true, overrideAccess: true })

await create('case-studies', { title: `${DRAFT_MARK}案例`, slug: 'draft-leak-case', genre: 'grassroots', source: { publication: source.id } })
await create('communities', { name: `${DRAFT_MARK}居委会`, slug: 'draft-leak-community', kind: 'residents-committee' })
await create('notices', { title: `${DRAFT_MARK}通知`, slug: 'draft-leak-notice', kind: 'other', community: community.id })

// A published notice whose newer draft must not replace what the public sees.
const published = await first('notices')
await payload.update({
  collection: 'notices',
  id: published.id,
  data: { title: `${DRAFT_MARK}修改稿` } as never,
  draft: true,
  overrideAccess: true,
})
process.exit(0)
