import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCms, type TestCms } from '../helpers/cms.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtpServer.ts'

/**
 * The CMS sends mail through the SMTP server its environment names (SMTP_HOST …), logging in when
 * SMTP_USER is set, from EMAIL_FROM; here a real server on loopback receives it.
 */
let smtp: TestSmtp
let cms: TestCms

beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'jumin', pass: 'smtp-secret' })
  Object.assign(process.env, smtp.env, { EMAIL_FROM_NAME: '居民自治信息网（测试）' })
  cms = await startCms()
})

afterAll(async () => {
  await cms?.close()
  await smtp?.stop()
})

describe('mail from the CMS', () => {
  it('reaches the SMTP server from the environment, logged in, with Chinese subject and sender name intact', async () => {
    await cms.payload.sendEmail({
      to: 'editor@example.test',
      subject: '居务公开提醒：2 项逾期',
      text: '2026年第三季度居委会经费收支应于 2026年10月15日 前公开。',
    })
    expect(smtp.received).toHaveLength(1)
    const [{ envelopeFrom, envelopeTo, mail }] = smtp.received
    expect(envelopeFrom).toBe('noreply@jumin.example.test')
    expect(envelopeTo).toEqual(['editor@example.test'])
    expect(mail.subject).toBe('居务公开提醒：2 项逾期')
    expect(mail.from?.value).toEqual([
      { address: 'noreply@jumin.example.test', name: '居民自治信息网（测试）' },
    ])
    expect(mail.text?.trim()).toBe('2026年第三季度居委会经费收支应于 2026年10月15日 前公开。')
  })

  it('fails loudly, not silently, when the server refuses the login', async () => {
    const strict = await startSmtpServer({ user: 'jumin', pass: 'another-secret' })
    const { emailAdapter } = await import('../../cms/email.ts')
    const adapter = (await emailAdapter()!)({ payload: cms.payload })
    process.env.SMTP_PORT = String(strict.port)
    const refused = (await emailAdapter()!)({ payload: cms.payload })
    process.env.SMTP_PORT = String(smtp.port)
    await expect(
      refused.sendEmail({ to: 'a@example.test', subject: 'x', text: 'x' }),
    ).rejects.toThrow(/Invalid username or password/)
    expect(strict.received).toEqual([])
    // The same settings against the server that knows the login deliver.
    await adapter.sendEmail({ to: 'a@example.test', subject: 'y', text: 'y' })
    expect(smtp.received.at(-1)?.mail.subject).toBe('y')
    await strict.stop()
  })

  it('refuses to start with a mail server but no sender address', async () => {
    const { emailAdapter } = await import('../../cms/email.ts')
    const saved = process.env.EMAIL_FROM
    delete process.env.EMAIL_FROM
    try {
      expect(() => emailAdapter()).toThrow('EMAIL_FROM must be set when SMTP_HOST is')
    } finally {
      process.env.EMAIL_FROM = saved
    }
  })
})
