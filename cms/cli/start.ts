/**
 * `npm start`: everything a new user needs, on one machine. Brings the database up to date (loading
 * content/ when it is empty), builds the admin when its sources changed, and serves it.
 */
import { payloadSecret } from '../secret.ts'
import { ensureAdminBuild, startAdmin } from './adminBuild.ts'
import { prepareDatabase } from './prepareDatabase.ts'

const log = (line: string) => console.log(line)
const started = Date.now()
const port = Number(process.env.PORT || 3000)
const adminUrl = `http://localhost:${port}/admin`

const env: NodeJS.ProcessEnv = {
  ...process.env,
  // The generated local secret, handed to the production-mode server, which refuses to invent one.
  PAYLOAD_SECRET: payloadSecret(),
  PAYLOAD_PUBLIC_SERVER_URL: process.env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${port}`,
  // Plain http on localhost: cookies cannot be https-only here. Production sets its own.
  COOKIE_SECURE: process.env.COOKIE_SECURE || 'false',
  NEXT_TELEMETRY_DISABLED: '1',
}

const { needsFirstUser } = await prepareDatabase(log)
await ensureAdminBuild(env, log)

const server = startAdmin(port, env)
server.stdout?.on('data', (chunk: Buffer) => {
  const text = chunk.toString()
  if (!/Ready in/.test(text)) return
  log('')
  log(`CMS admin (管理后台):  ${adminUrl}`)
  log(`REST API:              http://localhost:${port}/api`)
  if (needsFirstUser) {
    log('')
    log('No accounts yet: open the admin URL and create the first account there;')
    log('it becomes the administrator (系统管理员). There is no default password.')
  }
  log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)}s. Press Ctrl+C to stop.`)
})
server.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
