/**
 * Reads a CSV file. Chinese Excel saves CSV in GBK unless told otherwise, other tools in UTF-8: the
 * bytes are read as UTF-8 when they are valid UTF-8 (with or without the byte-order mark Excel adds),
 * otherwise as GBK (GB18030, its superset), and the preview says which. Fields starting with "=" are
 * formulas to Excel, so they are marked as such rather than taken as text.
 */
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'

import { ImportError } from './importError.ts'
import type { Cell, Sheet } from './sheet.ts'

function decode(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  if (bytes.includes(0))
    throw new ImportError('文件不是文本格式的 CSV（可能是 UTF-16 或其他二进制文件）。')
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'UTF-8' }
  } catch {
    const text = iconv.decode(bytes, 'gb18030')
    if (text.includes('\uFFFD'))
      throw new ImportError('无法识别文件的编码，请在 Excel 中另存为“CSV UTF-8”后再导入。')
    return { text, encoding: 'GBK' }
  }
}

const cellOf = (field: string): Cell => {
  const value = field.trim()
  if (value === '') return { kind: 'empty' }
  if (value.startsWith('=')) return { kind: 'formula', value }
  return { kind: 'text', value }
}

export function readCsv(bytes: Buffer): Sheet {
  const { text, encoding } = decode(bytes)
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ImportError(
      `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}：引号没有成对，请检查后再导入。`,
    )
  }
  const rows = records
    .map((fields, index) => ({ row: index + 1, cells: fields.map(cellOf) }))
    .filter(({ cells }) => cells.some((cell) => cell.kind !== 'empty'))
  return { format: 'csv', encoding, name: null, rows }
}
