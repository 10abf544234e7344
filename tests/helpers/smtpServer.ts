/**
 * A real SMTP server on loopback (the `smtp-server` package), for tests of what the CMS sends: each
 * message is kept as the server received it, envelope and parsed content. With `auth`, it refuses
 * any login but that one.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from './freePort.ts'

export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; mail: ParsedMail }

export type TestSmtp = {
  port: number
  received: ReceivedMail[]
  /** The environment that points the CMS at this server. */
  env: Record<string, string>
  stop: () => Promise<void>
}

/** `port`: listen on this one (to bring a stopped server back where the CMS expects it). */
export async function startSmtpServer(
  auth?: { user: string; pass: string },
  port?: number,
): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    // Loopback only: no certificate to trust, so no STARTTLS, and logins allowed in plain text.
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !auth,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.pass)
        callback(null, { user: credentials.username })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            mail,
          })
          callback()
        })
        .catch(callback)
    },
  })
  port ??= await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    received,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      EMAIL_FROM: 'noreply@jumin.example.test',
      ...(auth ? { SMTP_USER: auth.user, SMTP_PASSWORD: auth.pass } : {}),
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
