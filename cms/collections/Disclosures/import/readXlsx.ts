/**
 * Reads the first visible worksheet of an .xlsx with exceljs, after assertSafeArchive has bounded what
 * inflating it can cost. Cells keep their type (a number typed as text stays text), formulas are
 * kept as formulas and never evaluated, and merged cells refuse the file: in a merged block only
 * one cell holds the value, so rows would silently lose theirs.
 */
import ExcelJS from 'exceljs'

import { ImportError } from './importError.ts'
import type { Cell, Sheet } from './sheet.ts'
import { assertSafeArchive } from './assertSafeArchive.ts'

function cellOf(cell: ExcelJS.Cell): Cell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { kind: 'empty' }
    case ExcelJS.ValueType.Number:
      return { kind: 'number', value: cell.value as number }
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
    case ExcelJS.ValueType.RichText: {
      const text = cell.text
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text }
    }
    case ExcelJS.ValueType.Formula:
      return { kind: 'formula', value: `=${cell.formula ?? ''}` }
    default:
      return { kind: 'other', value: cell.text }
  }
}

export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  await assertSafeArchive(bytes)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    throw new ImportError('文件已损坏，无法读取工作簿。')
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible')
  if (!sheet) throw new ImportError('工作簿里没有可见的工作表。')
  const merges = (sheet.model as { merges?: string[] }).merges ?? []
  if (merges.length > 0)
    throw new ImportError(
      `工作表“${sheet.name}”有合并单元格（${merges.slice(0, 3).join('、')}${merges.length > 3 ? ' 等' : ''}），请取消合并、每行填满后再导入。`,
    )
  const rows: Sheet['rows'] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = []
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellOf(row.getCell(column)))
    rows.push({ row: number, cells })
  })
  return { format: 'xlsx', encoding: null, name: sheet.name, rows }
}
