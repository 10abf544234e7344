/**
 * Turns a sheet into finance line items, or into the list of everything wrong with it, row by row
 * (第 12 行：金额不是数字). The columns, their labels and the amount rule are the finance table's own
 * (lineItems.ts, validateAmount.ts): a row the import accepts is a row the admin form accepts.
 */
import { DIRECTION_LABELS } from '../../../labels.ts'
import { computeTotals } from '../hooks/computeTotals.ts'
import { lineItemColumns } from '../lineItems.ts'
import { validateAmount } from '../validateAmount.ts'
import { ImportError } from './importError.ts'
import { MAX_ROWS } from './limits.ts'
import type { Cell, Sheet } from './sheet.ts'

type Direction = keyof typeof DIRECTION_LABELS
export type LineItem = { item: string; direction: Direction; amount: number; note: string | null }
type ColumnName = (typeof lineItemColumns)[number]['name']

export type PreviewRow = {
  row: number
  item: string | null
  direction: Direction | null
  amount: number | null
  note: string | null
  problems: string[]
}

export type ImportPreview = {
  format: Sheet['format']
  encoding: Sheet['encoding']
  sheet: Sheet['name']
  rows: PreviewRow[]
  /** Every problem, one line each, in row order; empty when the table can be applied. */
  problems: string[]
  /** The line items to apply, when there is no problem. */
  lineItems: LineItem[] | null
  totals: ReturnType<typeof computeTotals> | null
}

/** Header text as people type it: spaces ignored, ASCII brackets read as Chinese ones. */
const normal = (text: string) =>
  text.replace(/\s+/g, '').replaceAll('(', '（').replaceAll(')', '）')

/** The names a column's header may carry: its label, and its label without the unit (金额). */
const headerNames = (label: string) => [normal(label), normal(label).replace(/（.*）$/, '')]

const DIRECTION_BY_TEXT: Record<string, Direction> = Object.fromEntries(
  Object.entries(DIRECTION_LABELS).flatMap(([value, label]) => [
    [label, value as Direction],
    [label.slice(0, 1), value as Direction],
    [value, value as Direction],
  ]),
)

/** A cell's value as text; formulas have none (they are reported, never evaluated). */
const textOf = (cell: Cell | undefined): string | null =>
  !cell || cell.kind === 'empty' || cell.kind === 'formula'
    ? null
    : cell.kind === 'number'
      ? String(cell.value)
      : cell.value.trim()

/** CSV amounts are text: a plain decimal number, thousands separated by commas at most. */
const NUMBER_TEXT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/

function amountOf(cell: Cell | undefined, format: Sheet['format']): number | string {
  if (!cell || cell.kind === 'empty') return '金额没有填写'
  if (cell.kind === 'number') return cell.value
  if (cell.kind === 'text' && format === 'csv' && NUMBER_TEXT.test(cell.value))
    return Number(cell.value.replaceAll(',', ''))
  if (cell.kind === 'text' && format === 'xlsx' && NUMBER_TEXT.test(cell.value))
    return `金额不是数字（“${cell.value}”是以文本格式保存的数字，请把单元格改为数值格式）`
  return `金额不是数字（“${cell.value}”）`
}

function columnsOf(header: { row: number; cells: Cell[] }): Map<ColumnName, number> {
  const columns = new Map<ColumnName, number>()
  const expected = lineItemColumns.map((column) => column.label).join('、')
  header.cells.forEach((cell, index) => {
    const text = textOf(cell)
    if (text === null) return
    const column = lineItemColumns.find((c) => headerNames(c.label).includes(normal(text)))
    if (!column)
      throw new ImportError(
        `第 ${header.row} 行（表头）有不认识的列“${text}”。表头应为：${expected}（可从“下载模板”获得）。`,
      )
    if (columns.has(column.name))
      throw new ImportError(`第 ${header.row} 行（表头）的“${column.label}”列出现了两次。`)
    columns.set(column.name, index)
  })
  const missing = lineItemColumns.filter(
    (c) => 'required' in c && c.required && !columns.has(c.name),
  )
  if (missing.length > 0)
    throw new ImportError(
      `第 ${header.row} 行（表头）缺少“${missing.map((c) => c.label).join('”“')}”列。表头应为：${expected}（可从“下载模板”获得）。`,
    )
  return columns
}

export function lineItemRows(sheet: Sheet): ImportPreview {
  const [header, ...body] = sheet.rows
  if (!header) throw new ImportError('表格是空的：没有表头，也没有明细。')
  const columns = columnsOf(header)
  if (body.length === 0) throw new ImportError('表格只有表头，没有明细行。')
  if (body.length > MAX_ROWS)
    throw new ImportError(`明细有 ${body.length} 行，超过一次最多导入的 ${MAX_ROWS} 行。`)
  const known = new Set(columns.values())

  const rows = body.map(({ row, cells }): PreviewRow => {
    const problems: string[] = []
    const at = (name: ColumnName) => {
      const index = columns.get(name)
      return index === undefined ? undefined : cells[index]
    }
    for (const column of lineItemColumns) {
      const cell = at(column.name)
      if (cell?.kind === 'formula')
        problems.push(`“${column.label}”是公式（${cell.value}），请复制后“粘贴为数值”再导入`)
    }
    cells.forEach((cell, index) => {
      if (!known.has(index) && cell.kind !== 'empty') problems.push('表头以外的列里有内容')
    })
    const formula = (name: ColumnName) => at(name)?.kind === 'formula'
    const item = textOf(at('item'))
    if (!item && !formula('item')) problems.push('项目没有填写')

    const directionText = textOf(at('direction'))
    const direction = directionText ? (DIRECTION_BY_TEXT[directionText] ?? null) : null
    if (!directionText && !formula('direction')) problems.push('收/支没有填写')
    else if (!direction) problems.push(`收/支只能填“收入”或“支出”，这里是“${directionText}”`)

    let amount: number | null = null
    if (!formula('amount')) {
      const value = amountOf(at('amount'), sheet.format)
      const verdict = typeof value === 'number' ? validateAmount(value) : value
      if (verdict === true) amount = value as number
      else problems.push(verdict.replace(/。$/, ''))
    }
    const note = textOf(at('note'))
    return { row, item, direction, amount, note, problems: [...new Set(problems)] }
  })

  const problems = rows.flatMap((r) => r.problems.map((p) => `第 ${r.row} 行：${p}`))
  const lineItems = problems.length
    ? null
    : rows.map((r) => ({ item: r.item!, direction: r.direction!, amount: r.amount!, note: r.note }))
  return {
    format: sheet.format,
    encoding: sheet.encoding,
    sheet: sheet.name,
    rows,
    problems,
    lineItems,
    totals: lineItems ? computeTotals(lineItems) : null,
  }
}
