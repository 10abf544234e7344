/** `npm run seed`: load content/ into the CMS (see cms/seed/seedContent.ts). */
import path from 'node:path'

import { openCms } from '../open.ts'
import { formatProblem, seedContent } from '../seed/seedContent.ts'

const root = path.resolve(process.argv[2] ?? 'content')
const started = Date.now()
const payload = await openCms()
console.log(`Seeding from ${path.relative(process.cwd(), root) || '.'} …`)
const result = await seedContent(payload, root, (line) => console.log(line))
if (!result.ok) {
  console.error(`\nNothing was written: ${result.problems.length} problem(s) in the content files:`)
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`)
  process.exit(1)
}
const total = Object.values(result.counts).reduce(
  (sum, c) => ({
    created: sum.created + c.created,
    updated: sum.updated + c.updated,
    unchanged: sum.unchanged + c.unchanged,
  }),
  { created: 0, updated: 0, unchanged: 0 },
)
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(1)}s: ${total.created} created, ` +
    `${total.updated} updated, ${total.unchanged} unchanged.`,
)
process.exit(0)
