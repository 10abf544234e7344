/**
 * Outgoing e-mail (reminder digests, password resets) over SMTP with @payloadcms/email-nodemailer,
 * configured from the environment. Without SMTP_HOST nothing is sent: Payload's console adapter logs
 * each message's recipient and subject instead, which is what local development wants.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

export function emailAdapter() {
  const host = process.env.SMTP_HOST
  if (!host) return undefined
  const defaultFromAddress = process.env.EMAIL_FROM
  if (!defaultFromAddress)
    throw new Error('EMAIL_FROM must be set when SMTP_HOST is (the address mail is sent from).')
  const secure = process.env.SMTP_SECURE === 'true'
  const user = process.env.SMTP_USER
  return nodemailerAdapter({
    defaultFromAddress,
    defaultFromName: process.env.EMAIL_FROM_NAME || '居民自治信息网',
    // Checked when mail is sent, not at start-up: a mail server that is down must not keep the CMS
    // from starting (a failed send is reported where it happens).
    skipVerify: true,
    transportOptions: {
      host,
      port: Number(process.env.SMTP_PORT || (secure ? 465 : 587)),
      secure,
      auth: user ? { user, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
    },
  })
}
