/**
 * The sentences staff read about catalogue status, in the admin dashboard and the reminder e-mails
 * alike (the public page words the same facts for residents in site/i18n/zh.ts).
 */
import { CADENCE_LABELS, DUE_FROM_LABELS } from '../labels.ts'
import { beijingDay, chineseDay, type Day } from '../beijingTime.ts'
import { periodLabel } from './periods.ts'
import { DEFAULT_DUE_DAYS, type ItemStatus, type Obligation } from './status.ts'
import type { CatalogueItem } from './types.ts'

/** 2026年第三季度 · 2026年11月28日的会议（关于召开…的通知） */
export function obligationLabel(obligation: Obligation): string {
  if (obligation.period) return periodLabel(obligation.period)
  const meeting = obligation.meeting!
  return `${chineseDay(beijingDay(meeting.endsAt ?? meeting.startsAt))}的会议（${meeting.title}）`
}

/** 每季度，期间结束后 15 天内 · 会议后 7 天内 · 随时 */
export function cadenceText(item: CatalogueItem): string {
  if (item.cadence === 'any-time') return CADENCE_LABELS['any-time']
  const days = item.dueDays ?? DEFAULT_DUE_DAYS[item.cadence]
  if (item.cadence === 'after-event') return `会议后 ${days} 天内`
  return `${CADENCE_LABELS[item.cadence]}，${DUE_FROM_LABELS[item.dueFrom ?? 'period-end']} ${days} 天内`
}

/** Why an item is overdue: each missed period or meeting with its due date, and for how long. */
export const overdueText = (status: ItemStatus): string =>
  `${status.missed.map((o) => `${obligationLabel(o)}应于${chineseDay(o.dueDay)}前公开`).join('；')}，已逾期 ${status.daysOverdue} 天`

/** When the next disclosure is due, counted from today. */
export function dueText(status: ItemStatus, today: Day): string {
  const next = status.next!
  const left = next.dueDay - today
  return `${obligationLabel(next)}应于${chineseDay(next.dueDay)}前公开（${left === 0 ? '今天到期' : `还有 ${left} 天`}）`
}

/** The admin dashboard's catalogue panel. */
export const dashboardText = {
  editorTitle: '居务公开目录：需要处理的事项',
  overdue: (n: number) => `逾期未公开（${n}）`,
  dueSoon: (n: number) => `14 天内到期（${n}）`,
  noOverdue: '没有逾期的事项。',
  noDueSoon: '14 天内没有到期的事项。',
  untrackedOwn: '您负责的居委会尚未纳入公开目录跟踪，请联系系统管理员设置起算日。',
  supervisorTitle: '各居委会的居务公开情况',
  adminTitle: '全市居委会的居务公开情况',
  rankingNote: '按逾期事项数排序；数字与公开网站上各居委会“公开目录”页一致。',
  overdueColumn: '逾期',
  dueSoonColumn: '14 天内到期',
  publicPage: '公开目录',
  disclosures: '居务公开',
  untracked: (n: number) => `另有 ${n} 个居委会尚未纳入公开目录跟踪（未设置起算日），不计入排名。`,
  noneTracked: '还没有纳入公开目录跟踪的居委会。',
  publish: '发布居务公开',
}
