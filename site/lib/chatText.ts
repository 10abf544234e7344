/**
 * The plain text 复制到居民群 copies: what reads well in a WeChat group, where links are pasted
 * between chat lines and residents decide from the first line whether to open it. No Markdown, no
 * emoji, the committee first (a group often serves several), then the title, when and where for a
 * meeting, and the short link last so it stays tappable on its own line.
 */
import { tools as t } from '../i18n/zh.ts'

export type ChatItem = {
  community: string
  title: string
  meeting?: { when: string; place: string | null } | null
  /** A disclosure's period: 2026年第三季度. */
  period?: string | null
  url: string
}

export function chatText(item: ChatItem): string {
  return [
    `【${item.community}】${item.title}`,
    item.meeting && `${t.chatTime}：${item.meeting.when}`,
    item.meeting?.place && `${t.chatPlace}：${item.meeting.place}`,
    item.period && `${t.chatPeriod}：${item.period}`,
    `${t.chatLink}：${item.url}`,
  ]
    .filter(Boolean)
    .join('\n')
}
