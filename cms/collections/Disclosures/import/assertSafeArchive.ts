/**
 * Opens an .xlsx (a zip archive) without trusting it: sizes are checked against the central
 * directory before anything is inflated, and each part may not inflate past the size it declared
 * (an archive can declare small sizes and inflate to gigabytes), so a zip bomb costs at most
 * MAX_UNZIPPED_BYTES. Macro parts are
 * refused here, since a workbook with a VBA project is refused whatever its file name says.
 */
import yauzl from 'yauzl'

import { ImportError } from './importError.ts'
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts'

const tooBig = () =>
  new ImportError(
    `文件解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，不像一张收支明细表，已拒绝（可能是压缩炸弹）。`,
  )
const macro = () =>
  new ImportError('这是含宏的工作簿（VBA），为安全起见不能导入。请另存为不含宏的 .xlsx 文件。')

/** Inflates every part once, within the limits; refuses the file if anything is wrong. */
export async function assertSafeArchive(bytes: Buffer): Promise<void> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    })
  } catch {
    throw new ImportError('文件已损坏，或不是 .xlsx 工作簿。')
  }
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw new ImportError('工作簿的组成部分过多，已拒绝。')
    const entries: yauzl.Entry[] = []
    let declared = 0
    for await (const entry of zip.eachEntry()) {
      if (/vbaProject\.bin$/i.test(entry.fileName)) throw macro()
      if (entry.isEncrypted()) throw new ImportError('工作簿已加密，请取消密码后再导入。')
      declared += entry.uncompressedSize
      if (declared > MAX_UNZIPPED_BYTES) throw tooBig()
      entries.push(entry)
    }
    // Each part inflates to at most the size it declared (yauzl's validateEntrySizes stops it
    // otherwise), so the total stays within what was checked above.
    const parts = new Map<string, Buffer>()
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const chunks: Buffer[] = []
      try {
        for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>)
          chunks.push(chunk)
      } catch (error) {
        throw /too many bytes/i.test(String(error)) ? tooBig() : error
      }
      parts.set(entry.fileName, Buffer.concat(chunks))
    }
    const types = parts.get('[Content_Types].xml')?.toString('utf8') ?? ''
    if (/macroEnabled/i.test(types)) throw macro()
    if (!parts.has('xl/workbook.xml')) throw new ImportError('文件不是 Excel 工作簿（.xlsx）。')
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError('文件已损坏，无法读取。')
  } finally {
    zip.close()
  }
}
