/** A disclosure's line items for spreadsheets: the same rows and totals as the table on its page. */
import { keyed } from '../../../../lib/cacheKey.ts'
import type { APIRoute, GetStaticPaths } from 'astro'

import { disclosure as t, label } from '../../../../i18n/zh.ts'
import type { Disclosure } from '../../../../lib/content.ts'
import { toCsv } from '../../../../lib/csv.ts'
import { plainYuan } from '../../../../lib/format.ts'
import { communityContexts } from '../../_community.ts'

export const getStaticPaths = (async () =>
  keyed(
    (await communityContexts()).flatMap((ctx) =>
      ctx.disclosures
        .filter((disclosure) => disclosure.data.lineItems.length > 0 && disclosure.data.totals)
        .map((disclosure) => ({
          params: { community: ctx.community.id, slug: disclosure.id },
          props: { disclosure },
        })),
    ),
    ({ props }) => props.disclosure,
  )) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) => {
  const { lineItems, totals } = (props.disclosure as Disclosure).data
  const csv = toCsv([
    [t.item, t.direction, t.amount, t.note],
    ...lineItems.map((line) => [
      line.item,
      label('direction', line.direction),
      plainYuan(line.amount),
      line.note,
    ]),
    [t.totalIncome, null, plainYuan(totals!.income), null],
    [t.totalExpense, null, plainYuan(totals!.expense), null],
    [t.balance, null, plainYuan(totals!.balance), null],
  ])
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
}
