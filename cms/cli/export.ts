/** `npm run export`: write the CMS back into content/ (see cms/seed/exportContent.ts). */
import path from 'node:path'

import { openCms } from '../open.ts'
import { exportContent } from '../seed/exportContent.ts'

const root = path.resolve(process.argv[2] ?? 'content')
const payload = await openCms()
console.log(`Exporting to ${path.relative(process.cwd(), root) || '.'} …`)
await exportContent(payload, root, (line) => console.log(line))
process.exit(0)
