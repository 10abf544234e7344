/** A meeting notice as a one-event calendar file ("加入日历" on the notice page). */
import { keyed } from '../../../../lib/cacheKey.ts'
import type { APIRoute, GetStaticPaths } from 'astro'

import type { Notice } from '../../../../lib/content.ts'
import { icsCalendar } from '../../../../lib/ics.ts'
import { communityContexts, meetingsOf } from '../../_community.ts'
import { meetingEvent } from '../_calendar.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts()).flatMap((ctx) =>
      meetingsOf(ctx).map((notice) => ({
        params: { community: ctx.community.id, slug: notice.id },
        props: { notice },
      })),
    ),
    ({ props }) => props.notice,
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) =>
  new Response(icsCalendar({ events: [meetingEvent(props.notice as Notice, site!)] }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
