/**
 * Saves notices through the Local API, one after another, until the disk refuses more: run under a
 * file-size limit (`prlimit --fsize`), it is a CMS on a full disk. Prints one JSON line per save:
 * whether the CMS reported it saved, and the error if not. DATA_DIR names the database.
 */
import { randomBytes } from 'node:crypto'

const { openCms } = await import('../../cms/open.ts')
const payload = await openCms()
const community = (
  await payload.find({ collection: 'communities', where: { slug: { equals: 'shili' } } })
).docs[0].id
// Random text, so no page of it compresses or repeats: every save needs fresh disk.
const filler = () => randomBytes(15_000).toString('base64')

let failuresInARow = 0
for (let i = 0; i < 500 && failuresInARow < 5; i += 1) {
  const slug = `cipan-man-${i}`
  try {
    await payload.create({
      collection: 'notices',
      data: { title: `磁盘写满测试 ${i}`, slug, kind: 'other', community, summary: filler() },
      draft: false,
    })
    failuresInARow = 0
    console.log(JSON.stringify({ slug, saved: true }))
  } catch (error) {
    failuresInARow += 1
    console.log(JSON.stringify({ slug, saved: false, message: (error as Error).message }))
  }
}
process.exit(0)
