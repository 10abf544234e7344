/**
 * The finance-table import's one entry point: a file's name and bytes in, a preview out (every row
 * with its problems, and the line items when there are none), or an ImportError for a file refused
 * as a whole. Nothing here writes anything; applying the preview is a normal save of the disclosure.
 */
import { ImportError } from './importError.ts'
import { MAX_IMPORT_BYTES } from './limits.ts'
import { lineItemRows, type ImportPreview } from './lineItemRows.ts'
import { readCsv } from './readCsv.ts'
import { readXlsx } from './readXlsx.ts'

const ZIP = Buffer.from('PK\x03\x04', 'latin1')
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<ImportPreview> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError(
      `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过了 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 的上限。`,
    )
  if (bytes.length === 0) throw new ImportError('文件是空的。')
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension && ['xlsm', 'xltm', 'xlam', 'xlsb'].includes(extension))
    throw new ImportError(
      `.${extension} 是含宏或二进制格式的工作簿，为安全起见不能导入。请另存为 .xlsx 或 .csv。`,
    )
  if (extension === 'xls' || bytes.subarray(0, 4).equals(OLE))
    throw new ImportError(
      '这是旧版 .xls 格式或加密的工作簿，不能导入。请在 Excel 中另存为 .xlsx（不设密码）或 .csv。',
    )
  if (extension === 'xlsx') {
    if (!bytes.subarray(0, 4).equals(ZIP))
      throw new ImportError('文件扩展名是 .xlsx，但内容不是 Excel 工作簿。')
    return lineItemRows(await readXlsx(bytes))
  }
  if (extension === 'csv') {
    if (bytes.subarray(0, 4).equals(ZIP))
      throw new ImportError('文件扩展名是 .csv，但内容是压缩包或工作簿。')
    return lineItemRows(readCsv(bytes))
  }
  throw new ImportError('只能导入 .xlsx 或 .csv 文件。')
}
