/**
 * Every meeting of a community, past and future: a calendar residents can subscribe to. Every
 * committee has one, empty until its first meeting, so the poster's QR code can be scanned today
 * and the meetings appear on residents' phones once they are announced.
 */
import { keyed } from '../../../lib/cacheKey.ts'
import type { APIRoute, GetStaticPaths } from 'astro'

import { icsCalendar } from '../../../lib/ics.ts'
import { communityContexts, meetingsOf, type CommunityContext } from '../_community.ts'
import { meetingEvent } from './_calendar.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts()).map((ctx) => ({
      params: { community: ctx.community.id },
      props: { ctx },
    })),
    ({ props }) => [props.ctx.community, meetingsOf(props.ctx)],
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) => {
  const ctx = props.ctx as CommunityContext
  const events = meetingsOf(ctx)
    .sort((a, b) => Date.parse(a.data.meeting!.startsAt) - Date.parse(b.data.meeting!.startsAt))
    .map((notice) => meetingEvent(notice, site!))
  return new Response(icsCalendar({ name: ctx.community.data.name, refresh: 'PT12H', events }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
}
