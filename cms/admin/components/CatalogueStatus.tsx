/**
 * The dashboard's 居务公开目录 panel. An editor sees their own communities' overdue items and those
 * due within 14 days, each with why; a street supervisor every community of their streets, and an
 * admin every community, ranked by overdue count with links and the reasons. The numbers come from
 * the published content alone (loadCatalogueStatus), so they are the public 公开目录 page's.
 */
import type { Payload, PayloadRequest, TypedUser } from 'payload'
import type React from 'react'

import { getUserCommunityIds } from '../../access/getUserCommunityIds.ts'
import { beijingDay } from '../../beijingTime.ts'
import { loadCatalogueStatus, type CommunityCatalogue } from '../../catalogue/loadStatus.ts'
import type { ItemStatus } from '../../catalogue/status.ts'
import { dashboardText as t, dueText, overdueText } from '../../catalogue/wording.ts'

const muted = { color: 'var(--theme-elevation-600)' }

const publicPage = (slug: string) =>
  process.env.SITE_URL ? `${process.env.SITE_URL}/shequ/${slug}/gongkai/mulu/` : null
const adminList = (community: CommunityCatalogue) =>
  `/admin/collections/disclosures?where[community][equals]=${community.community}`

function ItemLine({
  status,
  community,
  today,
}: {
  status: ItemStatus
  community?: string
  today: number
}) {
  return (
    <li>
      <strong>{status.item.name}</strong>
      {community ? <span style={muted}>（{community}）</span> : null}
      <span style={muted}>
        {' '}
        · {status.state === 'overdue' ? overdueText(status) : dueText(status, today)}
      </span>
    </li>
  )
}

function EditorPanel({ communities, today }: { communities: CommunityCatalogue[]; today: number }) {
  const tracked = communities.filter((c) => c.tracked)
  const several = tracked.length > 1
  const lines = (state: ItemStatus['state']) =>
    tracked.flatMap((c) =>
      c.items
        .filter((s) => s.state === state)
        .map((s) => ({ status: s, community: several ? c.name : undefined })),
    )
  const overdue = lines('overdue')
  const dueSoon = lines('due-soon')
  return (
    <section data-catalogue="editor" style={{ marginBottom: 'var(--base)' }}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 4)' }}>{t.editorTitle}</h3>
      {tracked.length === 0 ? (
        <p style={{ ...muted, margin: 0 }}>{t.untrackedOwn}</p>
      ) : (
        <>
          <h4 style={{ margin: '0.5em 0 0.2em' }} data-count={overdue.length}>
            {t.overdue(overdue.length)}
          </h4>
          {overdue.length ? (
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {overdue.map((l) => (
                <ItemLine key={`${l.community}-${l.status.item.id}`} {...l} today={today} />
              ))}
            </ul>
          ) : (
            <p style={{ ...muted, margin: 0 }}>{t.noOverdue}</p>
          )}
          <h4 style={{ margin: '0.5em 0 0.2em' }} data-count={dueSoon.length}>
            {t.dueSoon(dueSoon.length)}
          </h4>
          {dueSoon.length ? (
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {dueSoon.map((l) => (
                <ItemLine key={`${l.community}-${l.status.item.id}`} {...l} today={today} />
              ))}
            </ul>
          ) : (
            <p style={{ ...muted, margin: 0 }}>{t.noDueSoon}</p>
          )}
          <p style={{ margin: '0.5em 0 0' }}>
            <a href="/admin/collections/disclosures/create">{t.publish}</a>
            {tracked.map((c) =>
              publicPage(c.slug) ? (
                <span key={c.community}>
                  {' · '}
                  <a href={publicPage(c.slug)!}>
                    {c.name}
                    {t.publicPage}
                  </a>
                </span>
              ) : null,
            )}
          </p>
        </>
      )}
    </section>
  )
}

function RankingPanel({
  title,
  communities,
}: {
  title: string
  communities: CommunityCatalogue[]
}) {
  const tracked = communities
    .filter((c) => c.tracked)
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.name.localeCompare(b.name, 'zh-CN'),
    )
  const untracked = communities.length - tracked.length
  return (
    <section data-catalogue="ranking" style={{ marginBottom: 'var(--base)', gridColumn: '1 / -1' }}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 4)' }}>{title}</h3>
      {tracked.length === 0 ? (
        <p style={{ ...muted, margin: 0 }}>{t.noneTracked}</p>
      ) : (
        <>
          <p style={{ ...muted, margin: '0 0 0.4em' }}>{t.rankingNote}</p>
          <ol style={{ margin: 0, paddingLeft: '1.6em' }}>
            {tracked.map((c) => {
              const late = c.items.filter((s) => s.state === 'overdue')
              return (
                <li
                  key={c.community}
                  data-community={c.slug}
                  data-overdue={c.overdue}
                  data-due-soon={c.dueSoon}
                  style={{
                    padding: '0.4em 0',
                    borderBottom: '1px solid var(--theme-elevation-150)',
                  }}
                >
                  <strong>{c.name}</strong>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {' '}
                    <span style={{ color: c.overdue ? 'var(--theme-error-500)' : undefined }}>
                      {t.overdueColumn} {c.overdue}
                    </span>
                    {' · '}
                    {t.dueSoonColumn} {c.dueSoon}
                  </span>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {' · '}
                    {publicPage(c.slug) ? (
                      <>
                        <a href={publicPage(c.slug)!}>{t.publicPage}</a>
                        {' · '}
                      </>
                    ) : null}
                    <a href={adminList(c)}>{t.disclosures}</a>
                  </span>
                  {late.length ? (
                    <ul style={{ margin: '0.2em 0 0', paddingLeft: '1.1em' }}>
                      {late.map((s) => (
                        <li key={s.item.id}>
                          {s.item.name}
                          <span style={muted}>：{overdueText(s)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              )
            })}
          </ol>
        </>
      )}
      {untracked > 0 ? (
        <p style={{ ...muted, margin: '0.4em 0 0' }}>{t.untracked(untracked)}</p>
      ) : null}
    </section>
  )
}

export async function CatalogueStatus({
  payload,
  user,
}: {
  payload: Payload
  user: TypedUser
}): Promise<React.ReactElement | null> {
  const role = (user as { role?: string }).role
  const req = { payload, user, context: {} } as unknown as PayloadRequest
  const scope = await getUserCommunityIds(req)
  // A server component renders once per request: "now" is the request's moment, not a render's.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now()
  const communities = await loadCatalogueStatus(payload, { communities: scope, now })
  if (role === 'editor') return <EditorPanel communities={communities} today={beijingDay(now)} />
  return (
    <RankingPanel
      title={role === 'admin' ? t.adminTitle : t.supervisorTitle}
      communities={communities}
    />
  )
}
