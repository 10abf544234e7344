/**
 * The top of the admin dashboard: what needs a committee editor's attention today, for their own
 * communities only (every query runs with the user's own access rights).
 */
import type { Payload, ServerProps, Where } from 'payload'
import type React from 'react'

import { canApprove } from '../../access/canApprove.ts'
import { formatDate, formatDateTime } from '../../beijingTime.ts'
import { SITE_BUILD_FAILURES, SITE_BUILD_STATES } from '../../globals/SiteBuild/index.ts'
import { label } from '../../labels.ts'
import type { Notice } from '../../payload-types.ts'
import { CatalogueStatus } from './CatalogueStatus.tsx'

const DAY = 24 * 60 * 60 * 1000

/** How many of each list are shown; the heading counts them all. */
const SHOWN = 6

/** A failed build's error opens with one of SITE_BUILD_FAILURES; the build's output follows. */
function failureSummary(error: string | null | undefined) {
  const summary = error?.split('\n\n')[0]
  const known = Object.values(SITE_BUILD_FAILURES)
  return known.find((text) => text === summary) ?? SITE_BUILD_FAILURES.other
}

/** The fields a list shows; disclosures have a title only. */
type Row = Pick<Notice, 'id' | 'title'> & Partial<Pick<Notice, 'kind' | 'meeting' | 'validUntil'>>
type Rows = { docs: Row[]; total: number }

function List({
  title,
  rows,
  collection,
  empty,
  detail,
}: {
  title: string
  rows: Rows
  collection: string
  empty: string
  detail?: (row: Row) => string
}) {
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 4)' }}>
        {title}（{rows.total}）
      </h3>
      {rows.total === 0 ? (
        <p style={{ color: 'var(--theme-elevation-500)', margin: 0 }}>{empty}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
          {rows.docs.map((row) => (
            <li key={row.id}>
              <a href={`/admin/collections/${collection}/${row.id}`}>{row.title}</a>
              {detail ? (
                <span style={{ color: 'var(--theme-elevation-600)' }}> · {detail(row)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

async function rows(
  payload: Payload,
  user: ServerProps['user'],
  collection: 'notices' | 'disclosures',
  where: Where,
  sort: string,
  draft = false,
): Promise<Rows> {
  const select = { title: true, kind: true, meeting: true, validUntil: true } as never
  const { docs, totalDocs } = await payload.find({
    collection,
    where,
    sort,
    limit: SHOWN,
    select,
    depth: 0,
    draft,
    user,
    overrideAccess: false,
  })
  return { docs: docs as unknown as Row[], total: totalDocs }
}

export async function StaffDashboard({
  payload,
  user,
}: ServerProps): Promise<React.ReactElement | null> {
  if (!user) return null
  const now = new Date()
  const inAWeek = new Date(now.getTime() + 7 * DAY)
  const [draftNotices, draftDisclosures, awaitingApproval, meetings, expiring, build] =
    await Promise.all([
      rows(payload, user, 'notices', { _status: { equals: 'draft' } }, '-updatedAt', true),
      rows(
        payload,
        user,
        'disclosures',
        {
          and: [{ _status: { equals: 'draft' } }, { 'review.state': { not_equals: 'submitted' } }],
        },
        '-updatedAt',
        true,
      ),
      rows(
        payload,
        user,
        'disclosures',
        { and: [{ _status: { equals: 'draft' } }, { 'review.state': { equals: 'submitted' } }] },
        '-updatedAt',
        true,
      ),
      rows(
        payload,
        user,
        'notices',
        {
          and: [
            { kind: { equals: 'meeting' } },
            { 'meeting.startsAt': { greater_than_equal: now.toISOString() } },
          ],
        },
        'meeting.startsAt',
      ),
      rows(
        payload,
        user,
        'notices',
        {
          and: [
            { validUntil: { greater_than_equal: new Date(now.getTime() - DAY).toISOString() } },
            { validUntil: { less_than_equal: inAWeek.toISOString() } },
          ],
        },
        'validUntil',
      ),
      payload.findGlobal({ slug: 'site-build', user, overrideAccess: false }),
    ])
  const state = build.state ?? 'idle'
  return (
    <div style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginTop: 0 }}>今天需要关注的事</h2>
      <CatalogueStatus payload={payload} user={user} />
      <div
        style={{
          display: 'grid',
          gap: 'var(--base)',
          gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))',
        }}
      >
        <List
          title="待发布的通知草稿"
          rows={draftNotices}
          collection="notices"
          empty="没有草稿。"
        />
        <List
          title="居务公开草稿"
          rows={draftDisclosures}
          collection="disclosures"
          empty="没有草稿。"
        />
        <List
          title={canApprove(user) ? '等待您审核的居务公开' : '已提交、等待审核的居务公开'}
          rows={awaitingApproval}
          collection="disclosures"
          empty="没有待审核的内容。"
        />
        <List
          title="近期会议"
          rows={meetings}
          collection="notices"
          empty="近期没有会议。"
          detail={(row) => (row.meeting?.startsAt ? formatDateTime(row.meeting.startsAt) : '')}
        />
        <List
          title="七天内到期的通知"
          rows={expiring}
          collection="notices"
          empty="没有即将到期的通知。"
          detail={(row) =>
            `${row.kind ? label('noticeKind', row.kind) : ''} 有效期至 ${row.validUntil ? formatDate(row.validUntil) : ''}`
          }
        />
        <section>
          <h3 style={{ margin: '0 0 calc(var(--base) / 4)' }}>公开网站</h3>
          <p style={{ margin: 0 }}>
            状态：<strong>{SITE_BUILD_STATES[state]}</strong>
            {build.succeededAt ? `，最近一次成功更新：${formatDateTime(build.succeededAt)}` : ''}
          </p>
          {state === 'failed' ? (
            <p style={{ color: 'var(--theme-error-500)', margin: 0 }}>
              {failureSummary(build.error)}
            </p>
          ) : null}
        </section>
      </div>
    </div>
  )
}
