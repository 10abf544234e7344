/**
 * A committee's next meeting and latest notice, for 找我的居委会: the lookup's results fetch this for
 * the few committees they show, so the lookup index itself stays small (names and ranges only).
 */
import type { APIRoute, GetStaticPaths } from 'astro'

import { currentNotices, upcomingMeetings } from '../../../lib/content.ts'
import { formatDate, formatDateTime } from '../../../../cms/beijingTime.ts'
import { routes } from '../../../lib/routes.ts'
import { keyed } from '../../../lib/cacheKey.ts'
import { communityContexts, type CommunityContext } from '../_community.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts()).map((ctx) => ({
      params: { community: ctx.community.id },
      props: { ctx },
    })),
    // The notices' tokens carry whether each has expired and each meeting is over.
    ({ props }) => [props.ctx.community, props.ctx.notices],
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) => {
  const { ctx } = props as { ctx: CommunityContext }
  const slug = ctx.community.id
  const [meeting] = upcomingMeetings(ctx.notices)
  const [latest] = currentNotices(ctx.notices)
  return Response.json({
    name: ctx.community.data.name,
    url: routes.community(slug),
    nextMeeting: meeting
      ? {
          title: meeting.data.title,
          url: routes.notice(slug, meeting.id),
          when: formatDateTime(meeting.data.meeting!.startsAt),
          place: meeting.data.meeting!.place,
        }
      : null,
    latestNotice: latest
      ? {
          title: latest.data.title,
          url: routes.notice(slug, latest.id),
          when: formatDate(latest.data.publishedAt),
        }
      : null,
  })
}
