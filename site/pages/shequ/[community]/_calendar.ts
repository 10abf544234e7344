/** A meeting notice as a calendar event, shared by the one-meeting file and the community calendar. */
import type { Notice } from '../../../lib/content.ts'
import type { CalendarEvent } from '../../../lib/ics.ts'
import { routes } from '../../../lib/routes.ts'

export function meetingEvent(notice: Notice, site: URL): CalendarEvent {
  const { data } = notice
  const meeting = data.meeting!
  return {
    // Slugs are unique among notices and never reused, so re-importing updates the same event.
    uid: `notice-${notice.id}@${site.hostname}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    stamp: data.updatedAt,
    summary: data.title,
    location: meeting.place,
    description: data.summary,
    url: new URL(routes.notice(data.community.id, notice.id), site).href,
  }
}
