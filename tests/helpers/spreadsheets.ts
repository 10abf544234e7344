/**
 * Spreadsheet files for the finance-table import tests, made the way staff's tools make them:
 * workbooks written by exceljs (as Excel would), CSV in UTF-8 with a byte-order mark or in GBK, and
 * hostile files (a macro workbook, zip bombs, a workbook renamed) built byte by byte.
 */
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import JSZip from 'jszip'

export const HEADER = ['项目', '收/支', '金额（元）', '备注']

export type Row = Array<ExcelJS.CellValue>

/** An .xlsx whose first sheet holds `rows` (header included); `edit` may add merges, formats …. */
export async function xlsx(
  rows: Row[],
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('收支明细')
  for (const row of rows) sheet.addRow(row)
  edit?.(sheet)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csvLine = (fields: Array<string | number>) =>
  fields
    .map((f) => (/[",\r\n]/.test(String(f)) ? `"${String(f).replaceAll('"', '""')}"` : f))
    .join(',')

export const csvText = (rows: Array<Array<string | number>>) =>
  rows.map(csvLine).join('\r\n') + '\r\n'

/** CSV as "CSV UTF-8" in Excel saves it: with a byte-order mark. */
export const csvUtf8 = (rows: Array<Array<string | number>>) =>
  Buffer.from(`\uFEFF${csvText(rows)}`, 'utf8')

/** CSV as Chinese Excel's plain "CSV" saves it: GBK. */
export const csvGbk = (rows: Array<Array<string | number>>) => iconv.encode(csvText(rows), 'gbk')

/** Rewrites a zip archive, adding or replacing parts. */
export async function withParts(
  bytes: Buffer,
  parts: Record<string, string | Buffer>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes)
  for (const [name, content] of Object.entries(parts)) zip.file(name, content)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A workbook with one more part, `bytes` zeros: tens of kilobytes compressed. */
export async function zipBomb(bytes: number): Promise<Buffer> {
  const base = await xlsx([HEADER, ['办公用品', '支出', 10]])
  return withParts(base, { 'xl/media/padding.bin': Buffer.alloc(bytes) })
}

/**
 * Rewrites the uncompressed size every part of an archive declares (in its local header and in the
 * central directory), leaving the data as it is: a bomb that lies, or a harmless file that claims
 * to be huge.
 */
export function withDeclaredSize(
  archive: Buffer,
  size: number,
  which: (declared: number) => boolean = () => true,
): Buffer {
  const zip = Buffer.from(archive)
  for (let i = 0; i + 28 <= zip.length; i++) {
    const signature = zip.readUInt32LE(i)
    const at = signature === 0x04034b50 ? i + 22 : signature === 0x02014b50 ? i + 24 : -1
    if (at >= 0 && which(zip.readUInt32LE(at))) zip.writeUInt32LE(size, at)
  }
  return zip
}
