/** A spreadsheet as the import reads it, whatever the file: rows of typed cells, numbered as Excel shows them. */
export type Cell =
  | { kind: 'empty' }
  /** A numeric cell of a workbook. */
  | { kind: 'number'; value: number }
  /** A text cell of a workbook, or any field of a CSV file (CSV has no types). */
  | { kind: 'text'; value: string }
  /** A formula (its source), which the import never evaluates. */
  | { kind: 'formula'; value: string }
  /** A date, a truth value, an error value (#DIV/0!) …, as displayed. */
  | { kind: 'other'; value: string }

export type Sheet = {
  format: 'xlsx' | 'csv'
  /** CSV files: the encoding the bytes were read in. */
  encoding: 'UTF-8' | 'GBK' | null
  /** Workbooks: the worksheet read. */
  name: string | null
  rows: Array<{ row: number; cells: Cell[] }>
}
