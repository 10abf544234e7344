import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCms, type TestCms } from '../helpers/cms.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtpServer.ts'
import { createUser, type TestUser } from '../helpers/users.ts'

/**
 * The daily reminder digest, run as the job it is on Payload's queue, against a real SMTP server on
 * loopback and the real corpus: who gets one (editors with something overdue or due soon), what it
 * says, and that the same day never brings a second one. On 1 December 2026 the demo community owes
 * October's public-revenue disclosure (due 15 November) and the resolution of the 28 November
 * residents' representatives' meeting falls due on 5 December.
 */
let smtp: TestSmtp
let cms: TestCms
let payload: Payload
const users: Record<string, TestUser> = {}

const idBySlug = async (collection: 'communities' | 'streets', slug: string) =>
  (
    await payload.find({
      collection,
      where: { slug: { equals: slug } },
      depth: 0,
      draft: true,
      overrideAccess: true,
    })
  ).docs[0].id

/** Queues the task as of `asOf` and runs the queue; the job's status ('success' or 'error'). */
async function runReminders(asOf: string) {
  const job = await payload.jobs.queue({ task: 'catalogueReminders', input: { asOf } })
  const { jobStatus } = await payload.jobs.run({ queue: 'default' })
  return jobStatus?.[String(job.id)]?.status
}

const sentTo = () => smtp.received.flatMap((m) => m.envelopeTo)

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, smtp.env, {
    PAYLOAD_PUBLIC_SERVER_URL: 'http://admin.example.test',
    SITE_URL: 'http://www.example.test',
  })
  cms = await startCms({ seeded: true })
  payload = cms.payload
  // The first account on a database becomes the admin.
  users.admin = await createUser(payload, { role: 'admin' })
  users.shili = await createUser(payload, {
    role: 'editor',
    communities: [await idBySlug('communities', 'shili')],
  })
  users.untracked = await createUser(payload, {
    role: 'editor',
    communities: [await idBySlug('communities', 'lijiang-shanshui')],
  })
  users.none = await createUser(payload, { role: 'editor', communities: [] })
  users.supervisor = await createUser(payload, {
    role: 'supervisor',
    streets: [await idBySlug('streets', 'shili-jiedao')],
  })
})

afterAll(async () => {
  await cms?.close()
  await smtp?.stop()
})

describe('the daily reminder', () => {
  it('sends one digest, to the editor whose community has items due, listing them', async () => {
    expect(await runReminders('2026-12-01T09:00:00+08:00')).toBe('success')
    expect(sentTo()).toEqual([users.shili.email])
    const { mail, envelopeFrom } = smtp.received[0]
    expect(envelopeFrom).toBe('noreply@jumin.example.test')
    expect(mail.subject).toBe('居务公开提醒：1 项逾期，1 项即将到期')
    const text = mail.text ?? ''
    expect(text).toContain('截至2026年12月1日，您负责的居委会在居务公开目录中有以下事项需要处理：')
    expect(text).toContain('【示例居委会】')
    expect(text).toContain(
      '· 逾期：小区公共收益收支（每月，期间结束后 15 天内）：2026年10月应于2026年11月15日前公开，已逾期 16 天',
    )
    expect(text).toContain(
      '· 即将到期：居民（代表）会议决议（会议后 7 天内）：2026年11月28日的会议（关于召开2026年第四季度居民代表会议的通知）应于2026年12月5日前公开（还有 4 天）',
    )
    expect(text).toContain('公开目录：http://www.example.test/shequ/shili/gongkai/mulu/')
    expect(text).toContain(
      '发布居务公开：http://admin.example.test/admin/collections/disclosures/create',
    )
    // Items that are up to date are not mentioned.
    expect(text).not.toContain('居委会经费收支')
  })

  it('records what was sent, and a second run the same day sends nothing new', async () => {
    const { docs } = await payload.find({
      collection: 'reminder-deliveries',
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((d) => [String(d.user), d.day])).toEqual([
      [String(users.shili.id), '2026-12-01'],
    ])
    expect(docs[0].items).toBe(
      '示例居委会：小区公共收益收支（逾期）\n示例居委会：居民（代表）会议决议（即将到期）',
    )
    expect(await runReminders('2026-12-01T17:30:00+08:00')).toBe('success')
    expect(smtp.received).toHaveLength(1)
  })

  it('sends nothing before 08:00 Beijing time, and the next day’s digest after it', async () => {
    await runReminders('2026-12-02T07:59:00+08:00')
    expect(smtp.received).toHaveLength(1)
    await runReminders('2026-12-02T08:00:00+08:00')
    expect(sentTo()).toEqual([users.shili.email, users.shili.email])
    expect(smtp.received[1].mail.text).toContain('（还有 3 天）')
  })

  it('when the mail server is down, nothing is recorded, and the next run delivers', async () => {
    await smtp.stop()
    expect(await runReminders('2026-12-03T09:00:00+08:00')).toBe('success')
    expect(
      (
        await payload.count({
          collection: 'reminder-deliveries',
          where: { day: { equals: '2026-12-03' } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
    const port = smtp.port
    smtp = await startSmtpServer(undefined, port)
    expect(await runReminders('2026-12-03T10:00:00+08:00')).toBe('success')
    expect(sentTo()).toEqual([users.shili.email])
  })

  it('is on the jobs schedule: the queue’s scheduler queues it', async () => {
    await payload.delete({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    await payload.jobs.handleSchedules({ queue: 'default' })
    const { docs } = await payload.find({ collection: 'payload-jobs', overrideAccess: true })
    expect(docs.map((d) => d.taskSlug)).toContain('catalogueReminders')
  })
})
