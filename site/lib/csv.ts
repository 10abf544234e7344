/**
 * CSV for spreadsheet users. Excel on Chinese Windows reads a CSV without a byte-order mark as GBK and
 * garbles every Chinese character, so the text starts with a UTF-8 BOM. Quoting follows RFC 4180.
 */
export type CsvCell = string | number | null | undefined

/** Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/
/** …but a negative amount such as -120.50 is a number, not a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'number' ? String(value) : value
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows → CSV text: BOM, CRLF after every record (the last one included). */
export const toCsv = (rows: CsvCell[][]) =>
  '\uFEFF' + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('')
