/**
 * The daily reminder: each committee editor gets one e-mail listing the catalogue items of their
 * communities that are overdue or due within 14 days, and nobody gets an empty one. Sent at most
 * once per editor per Beijing day, from REMINDER_HOUR on: the delivery is recorded (and reserved
 * before sending, under a unique index) so a second run, or a second job runner, sends nothing new.
 */
import type { Payload } from 'payload'

import { idOf, type Ref } from '../utilities/idOf.ts'
import { beijingDay, chineseDay, isoDay } from '../beijingTime.ts'
import { loadCatalogueStatus, type CommunityCatalogue } from './loadStatus.ts'
import type { ItemStatus } from './status.ts'
import { cadenceText, dueText, overdueText } from './wording.ts'

/** Hour of the Beijing day from which the day's reminders go out. */
export const REMINDER_HOUR = 8

type Editor = { id: string | number; name?: string; email: string; communities?: Ref[] | null }

const needsAction = (s: ItemStatus) => s.state === 'overdue' || s.state === 'due-soon'

export function reminderEmail(editor: Editor, communities: CommunityCatalogue[], now: number) {
  const today = beijingDay(now)
  const rows = communities
    .map((c) => ({ community: c, items: c.items.filter(needsAction) }))
    .filter((r) => r.items.length > 0)
  const overdue = rows.flatMap((r) => r.items).filter((s) => s.state === 'overdue').length
  const dueSoon = rows.flatMap((r) => r.items).filter((s) => s.state === 'due-soon').length
  const counts = [overdue ? `${overdue} 项逾期` : '', dueSoon ? `${dueSoon} 项即将到期` : '']
  const admin = process.env.PAYLOAD_PUBLIC_SERVER_URL
  const site = process.env.SITE_URL
  const lines = [
    `${editor.name ?? ''}，您好：`,
    '',
    `截至${chineseDay(today)}，您负责的居委会在居务公开目录中有以下事项需要处理：`,
    ...rows.flatMap(({ community, items }) => [
      '',
      `【${community.name}】`,
      ...items.map(
        (s) =>
          `· ${s.state === 'overdue' ? '逾期' : '即将到期'}：${s.item.name}（${cadenceText(s.item)}）：${s.state === 'overdue' ? overdueText(s) : dueText(s, today)}`,
      ),
      ...(site ? [`  公开目录：${site}/shequ/${community.slug}/gongkai/mulu/`] : []),
    ]),
    '',
    ...(admin ? [`发布居务公开：${admin}/admin/collections/disclosures/create`, ''] : []),
    '本邮件由居民自治信息网每天自动发送，只在有逾期或即将到期的事项时发送。',
  ]
  return {
    subject: `居务公开提醒：${counts.filter(Boolean).join('，')}`,
    text: `${lines.join('\n')}\n`,
    items: rows.flatMap(({ community, items }) =>
      items.map(
        (s) =>
          `${community.name}：${s.item.name}（${s.state === 'overdue' ? '逾期' : '即将到期'}）`,
      ),
    ),
  }
}

export async function sendCatalogueReminders(
  payload: Payload,
  now: number,
): Promise<{ sent: number; failed: number }> {
  const hour = Math.floor((now + 8 * 3600_000) / 3600_000) % 24
  if (hour < REMINDER_HOUR) return { sent: 0, failed: 0 }
  const day = isoDay(beijingDay(now))
  const { docs } = await payload.find({
    collection: 'users',
    where: { role: { equals: 'editor' } },
    select: { name: true, email: true, communities: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const editors = docs as unknown as Editor[]
  const ids = [...new Set(editors.flatMap((e) => (e.communities ?? []).map(idOf)))].filter(
    (id): id is string => id !== null,
  )
  const statuses = new Map(
    (await loadCatalogueStatus(payload, { communities: ids, now })).map((c) => [c.community, c]),
  )
  let sent = 0
  let failed = 0
  for (const editor of editors) {
    const own = (editor.communities ?? [])
      .map((ref) => statuses.get(idOf(ref) ?? ''))
      .filter((c): c is CommunityCatalogue => c !== undefined)
    const email = reminderEmail(editor, own, now)
    if (email.items.length === 0) continue
    const already = await payload.count({
      collection: 'reminder-deliveries',
      where: { and: [{ user: { equals: editor.id } }, { day: { equals: day } }] },
      overrideAccess: true,
    })
    if (already.totalDocs > 0) continue
    let record: { id: string | number }
    try {
      record = await payload.create({
        collection: 'reminder-deliveries',
        data: {
          user: editor.id,
          day,
          items: email.items.join('\n'),
          sentAt: new Date(now).toISOString(),
        } as never,
        overrideAccess: true,
      })
    } catch {
      continue // another runner reserved this editor's digest for today
    }
    try {
      await payload.sendEmail({ to: editor.email, subject: email.subject, text: email.text })
      sent += 1
    } catch (error) {
      failed += 1
      payload.logger.error({ err: error, msg: `catalogue reminder to ${editor.email} failed` })
      // Free the day again, so the next run retries this editor.
      await payload.delete({
        collection: 'reminder-deliveries',
        id: record.id,
        overrideAccess: true,
      })
    }
  }
  return { sent, failed }
}
