import type { CollectionBeforeChangeHook } from 'payload'

type LineItem = { direction?: 'income' | 'expense' | null; amount?: number | null }

/** Yuan to integer fen, so sums of amounts like 0.1 + 0.2 come out exact. */
const toFen = (yuan: number) => Math.round(yuan * 100)
const toYuan = (fen: number) => fen / 100

/** Income, expense and balance of a finance table, always computed here, never taken from the client. */
export function computeTotals(lineItems: LineItem[] | null | undefined) {
  let income = 0
  let expense = 0
  for (const { direction, amount } of lineItems ?? []) {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) continue
    if (direction === 'income') income += toFen(amount)
    else if (direction === 'expense') expense += toFen(amount)
  }
  return { income: toYuan(income), expense: toYuan(expense), balance: toYuan(income - expense) }
}

export const computeTotalsHook: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  // An explicit null or [] clears the table; only a missing key means "unchanged".
  const lineItems = ('lineItems' in data ? data.lineItems : originalDoc?.lineItems) as
    LineItem[] | null | undefined
  const totals = lineItems?.length
    ? computeTotals(lineItems)
    : { income: null, expense: null, balance: null }
  return { ...data, totals }
}
