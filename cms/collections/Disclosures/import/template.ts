/**
 * The downloadable finance-table templates, built from the same column definitions the import
 * reads, so a template always imports. The .xlsx offers 收入/支出 as a drop-down and formats the
 * amount column as a number; the .csv is UTF-8 with a byte-order mark, which Excel opens correctly.
 */
import ExcelJS from 'exceljs'

import { DIRECTION_LABELS } from '../../../labels.ts'
import { lineItemColumns } from '../lineItems.ts'
import { MAX_ROWS } from './limits.ts'

const labels = lineItemColumns.map((column) => column.label)
const directions = Object.values(DIRECTION_LABELS)

const INSTRUCTIONS = [
  '每行一条收支明细，第一行是表头，请不要改动表头。',
  `“收/支”填“${directions.join('”或“')}”（可从下拉列表中选择）。`,
  '“金额（元）”填数字，最多两位小数，不要带“¥”“元”等文字，也不要用公式。',
  '不要合并单元格；“备注”可以不填。',
  '保存为 .xlsx（不含宏）或 .csv 后，在居务公开的编辑页面点“从表格导入”。',
  '合计由系统按明细自动计算，无需在表格里填写。',
]

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('收支明细')
  sheet.addRow(labels).font = { bold: true }
  sheet.columns = [{ width: 32 }, { width: 10 }, { width: 16 }, { width: 28 }]
  sheet.getColumn(3).numFmt = '0.00'
  for (let row = 2; row <= MAX_ROWS + 1; row++)
    sheet.getCell(row, 2).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${directions.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '收/支',
      error: `请填写“${directions.join('”或“')}”。`,
    }
  const help = workbook.addWorksheet('填写说明')
  help.getColumn(1).width = 90
  for (const line of INSTRUCTIONS) help.addRow([line])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const templateCsv = (): Buffer => Buffer.from(`\uFEFF${labels.join(',')}\r\n`, 'utf8')
