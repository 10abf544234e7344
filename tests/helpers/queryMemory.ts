/**
 * How much a CMS process grows over many reads and saves: prints `{"grownMiB": …}`. Run with
 * --expose-gc and DATA_DIR set to a seeded data folder (tests/cms/sqlite-memory.test.ts).
 *
 * Usage: node --expose-gc tests/helpers/queryMemory.ts <reads> <saves>
 */
import { prepareDatabase } from '../../cms/prepareDatabase.ts'

const [reads = 3000, saves = 200] = process.argv.slice(2).map(Number)
const { payload } = await prepareDatabase(() => {})
const community = (await payload.find({ collection: 'communities', limit: 1, depth: 0 })).docs[0]!
const read = () => payload.find({ collection: 'notices', limit: 10, depth: 1 })
const settled = () => {
  ;(globalThis as { gc?: () => void }).gc!()
  return process.memoryUsage().rss
}

// Warm: Payload's and SQLite's caches fill on the first queries, and stay that size.
for (let i = 0; i < 300; i++) await read()
const before = settled()
for (let i = 0; i < reads; i++) await read()
for (let i = 0; i < saves; i++)
  await payload.create({
    collection: 'notices',
    data: {
      title: `内存测试通知 ${i}`,
      slug: `neicun-ceshi-${i}`,
      kind: 'other',
      community: community.id,
      _status: 'published',
    } as never,
  })
console.log(JSON.stringify({ grownMiB: (settled() - before) / 2 ** 20 }))
process.exit(0)
