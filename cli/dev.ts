/** `npm run dev`: the admin in Next.js development mode (hot reload), after preparing the database. */
import { adminDir, runNext } from '../cms/cli/adminBuild.ts'
import { prepareDatabase } from '../cms/prepareDatabase.ts'

const port = process.env.PORT || '3000'
const { needsFirstUser } = await prepareDatabase((line) => console.log(line))
console.log(
  `\nCMS admin (管理后台): http://localhost:${port}/admin${needsFirstUser ? ' — create the first account there' : ''}\n`,
)
await runNext(['dev', adminDir, '--port', port], {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
})
