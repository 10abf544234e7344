import { describe, expect, it } from 'vitest'

import { ImportError } from '../../cms/collections/Disclosures/import/importError.ts'
import { MAX_IMPORT_BYTES } from '../../cms/collections/Disclosures/import/limits.ts'
import { readSpreadsheet } from '../../cms/collections/Disclosures/import/readSpreadsheet.ts'
import { templateCsv, templateXlsx } from '../../cms/collections/Disclosures/import/template.ts'
import { validateAmount } from '../../cms/collections/Disclosures/validateAmount.ts'
import {
  csvGbk,
  csvUtf8,
  HEADER,
  withDeclaredSize,
  withParts,
  xlsx,
  zipBomb,
} from '../helpers/spreadsheets.ts'

/**
 * The finance-table import reads .xlsx and .csv into line items with every row's problems in
 * Chinese, and refuses whole files that cannot be trusted or read. Expected totals are worked out
 * here in fen.
 */

/** The message of the ImportError a file is refused with (fails if it is accepted). */
async function refused(name: string, bytes: Buffer): Promise<string> {
  try {
    await readSpreadsheet(name, bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return (error as Error).message
  }
  throw new Error(`${name} was expected to be refused`)
}

const QUARTER = [
  HEADER,
  ['上季度结余', '收入', 1200, null],
  ['街道拨付工作经费', '收入', 15000, '第三季度'],
  ['办公用品', '支出', 356.5, '发票12张'],
  ['睦邻活动材料', '支出', 0.1, null],
  ['打印复印', '支出', 0.2, null],
]

describe('a good table', () => {
  it('from an .xlsx becomes line items with exact totals', async () => {
    const preview = await readSpreadsheet('2026Q3.xlsx', await xlsx(QUARTER))
    expect(preview.problems).toEqual([])
    expect(preview.format).toBe('xlsx')
    expect(preview.sheet).toBe('收支明细')
    expect(preview.lineItems).toEqual([
      { item: '上季度结余', direction: 'income', amount: 1200, note: null },
      { item: '街道拨付工作经费', direction: 'income', amount: 15000, note: '第三季度' },
      { item: '办公用品', direction: 'expense', amount: 356.5, note: '发票12张' },
      { item: '睦邻活动材料', direction: 'expense', amount: 0.1, note: null },
      { item: '打印复印', direction: 'expense', amount: 0.2, note: null },
    ])
    // In fen: income 120000 + 1500000, expense 35650 + 10 + 20.
    expect(preview.totals).toEqual({ income: 16200, expense: 356.8, balance: 15843.2 })
  })

  it('from a UTF-8 CSV (with the byte-order mark Excel writes), saying so', async () => {
    const rows = QUARTER.map((r) => r.map((v) => (v === null ? '' : String(v))))
    const preview = await readSpreadsheet('明细.csv', csvUtf8(rows))
    expect(preview.encoding).toBe('UTF-8')
    expect(preview.lineItems?.map((l) => l.item)).toEqual(QUARTER.slice(1).map((r) => r[0]))
    expect(preview.totals).toEqual({ income: 16200, expense: 356.8, balance: 15843.2 })
  })

  it('from a GBK CSV, as Chinese Excel saves it, decoded and named as GBK', async () => {
    const rows = QUARTER.map((r) => r.map((v) => (v === null ? '' : String(v))))
    const bytes = csvGbk(rows)
    // Not valid UTF-8: read naively, the Chinese would be garbled.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const preview = await readSpreadsheet('明细.csv', bytes)
    expect(preview.encoding).toBe('GBK')
    expect(preview.lineItems?.[1]).toEqual({
      item: '街道拨付工作经费',
      direction: 'income',
      amount: 15000,
      note: '第三季度',
    })
  })

  it('accepts the header as people type it (half-width brackets, 金额 without its unit, no 备注) and 收/支 as 收 or 支', async () => {
    const preview = await readSpreadsheet(
      'a.csv',
      csvUtf8([
        ['项目', '收/支', '金额(元)'],
        ['会费', '收', '1,200.50'],
        ['茶叶', '支', '12'],
      ]),
    )
    expect(preview.problems).toEqual([])
    expect(preview.lineItems).toEqual([
      { item: '会费', direction: 'income', amount: 1200.5, note: null },
      { item: '茶叶', direction: 'expense', amount: 12, note: null },
    ])
    const short = await readSpreadsheet(
      'b.csv',
      csvUtf8([
        ['项目', '收/支', '金额'],
        ['会费', '收入', '3'],
      ]),
    )
    expect(short.lineItems).toHaveLength(1)
  })

  it('skips blank rows', async () => {
    const preview = await readSpreadsheet(
      'a.xlsx',
      await xlsx([HEADER, ['会费', '收入', 5], [], [null, null, null], ['茶叶', '支出', 3]]),
    )
    expect(preview.rows.map((r) => r.row)).toEqual([2, 5])
    expect(preview.lineItems).toHaveLength(2)
  })
})

describe("every row's problems, in Chinese, with the row number Excel shows", () => {
  it('text amounts, formulas, empty cells and unknown directions are each named on their row', async () => {
    const bytes = await xlsx([
      HEADER,
      ['会费', '收入', 100],
      ['茶叶', '支出', '1200'],
      ['水电', '支出', '一千二'],
      ['合计', '收入', { formula: 'C2+C3', result: 1300 }],
      ['', '收入', 5],
      ['报刊', '借', 8],
      ['打印', '支出', null],
      ['日期', '支出', new Date('2026-10-01T00:00:00Z')],
    ])
    const preview = await readSpreadsheet('a.xlsx', bytes)
    expect(preview.lineItems).toBeNull()
    expect(preview.totals).toBeNull()
    expect(preview.problems).toEqual([
      '第 3 行：金额不是数字（“1200”是以文本格式保存的数字，请把单元格改为数值格式）',
      '第 4 行：金额不是数字（“一千二”）',
      '第 5 行：“金额（元）”是公式（=C2+C3），请复制后“粘贴为数值”再导入',
      '第 6 行：项目没有填写',
      '第 7 行：收/支只能填“收入”或“支出”，这里是“借”',
      '第 8 行：金额没有填写',
      expect.stringMatching(/^第 9 行：金额不是数字（“.*2026.*”）$/),
    ])
    // The row without problems is shown as it will be imported.
    expect(preview.rows[0]).toEqual({
      row: 2,
      item: '会费',
      direction: 'income',
      amount: 100,
      note: null,
      problems: [],
    })
  })

  it('amounts are judged by the finance table’s own rule (validateAmount), message for message', async () => {
    const amounts = ['1.005', '-1', '10000000001', '0.30000000000000004', '12.5', '0']
    const preview = await readSpreadsheet(
      'a.csv',
      csvUtf8([HEADER, ...amounts.map((a, i) => [`明细${i}`, '支出', a, ''])]),
    )
    const expected = amounts.flatMap((a, i) => {
      const verdict = validateAmount(Number(a))
      return verdict === true ? [] : [`第 ${i + 2} 行：${verdict.replace(/。$/, '')}`]
    })
    expect(expected).toHaveLength(4)
    expect(preview.problems).toEqual(expected)
    expect(preview.rows.map((r) => r.amount)).toEqual([null, null, null, null, 12.5, 0])
  })

  it('a CSV cell starting with "=" is a formula to Excel and is refused as one', async () => {
    const preview = await readSpreadsheet(
      'a.csv',
      csvUtf8([HEADER, ['=HYPERLINK("http://example.test","点我")', '支出', '5', '']]),
    )
    expect(preview.problems).toEqual([
      '第 2 行：“项目”是公式（=HYPERLINK("http://example.test","点我")），请复制后“粘贴为数值”再导入',
    ])
  })

  it('content outside the header’s columns is a problem, not silently dropped', async () => {
    const preview = await readSpreadsheet(
      'a.csv',
      csvUtf8([HEADER, ['会费', '收入', '5', '', '多出来的']]),
    )
    expect(preview.problems).toEqual(['第 2 行：表头以外的列里有内容'])
  })
})

describe('files refused as a whole', () => {
  it('wrong columns: an unknown one, a missing one, one given twice', async () => {
    expect(
      await refused(
        'a.xlsx',
        await xlsx([
          ['日期', ...HEADER],
          ['2026-10-01', '会费', '收入', 5],
        ]),
      ),
    ).toBe(
      '第 1 行（表头）有不认识的列“日期”。表头应为：项目、收/支、金额（元）、备注（可从“下载模板”获得）。',
    )
    expect(
      await refused(
        'a.csv',
        csvUtf8([
          ['项目', '金额（元）'],
          ['会费', '5'],
        ]),
      ),
    ).toBe(
      '第 1 行（表头）缺少“收/支”列。表头应为：项目、收/支、金额（元）、备注（可从“下载模板”获得）。',
    )
    expect(await refused('a.csv', csvUtf8([['项目', '收/支', '金额', '金额（元）']]))).toBe(
      '第 1 行（表头）的“金额（元）”列出现了两次。',
    )
    expect(await refused('a.csv', csvUtf8([HEADER]))).toBe('表格只有表头，没有明细行。')
  })

  it('merged cells', async () => {
    const bytes = await xlsx([HEADER, ['会费', '收入', 5], ['茶叶', '支出', 3]], (sheet) =>
      sheet.mergeCells('A3:B3'),
    )
    expect(await refused('a.xlsx', bytes)).toBe(
      '工作表“收支明细”有合并单元格（A3:B3），请取消合并、每行填满后再导入。',
    )
  })

  it('a macro workbook, by its name or by the VBA project inside an .xlsx', async () => {
    const good = await xlsx(QUARTER)
    expect(await refused('明细.xlsm', good)).toBe(
      '.xlsm 是含宏或二进制格式的工作簿，为安全起见不能导入。请另存为 .xlsx 或 .csv。',
    )
    const withVba = await withParts(good, { 'xl/vbaProject.bin': Buffer.from('macro') })
    expect(await refused('明细.xlsx', withVba)).toBe(
      '这是含宏的工作簿（VBA），为安全起见不能导入。请另存为不含宏的 .xlsx 文件。',
    )
    const types = (await import('jszip')).default
    const zip = await types.loadAsync(good)
    const contentTypes = (await zip.file('[Content_Types].xml')!.async('string')).replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    )
    expect(
      await refused('明细.xlsx', await withParts(good, { '[Content_Types].xml': contentTypes })),
    ).toMatch(/含宏/)
  })

  it('a file over the size cap, before reading any of it', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41)
    expect(await refused('big.csv', big)).toBe('文件有 2.0 MB，超过了 2 MB 的上限。')
  })

  it('a zip bomb, from the sizes it declares, before inflating anything', async () => {
    const bomb = await zipBomb(32 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES)
    expect(await refused('bomb.xlsx', bomb)).toMatch(/^文件解压后超过 20 MB.*压缩炸弹/)
    // A small, valid workbook claiming huge parts: had it been inflated, its data would not match
    // the sizes and it would be refused as damaged instead.
    const claims = withDeclaredSize(await xlsx(QUARTER), 0x7fffffff)
    expect(await refused('claims.xlsx', claims)).toMatch(/^文件解压后超过 20 MB/)
  })

  it('a zip bomb that declares small sizes, while inflating it', async () => {
    const MB = 1024 * 1024
    const bomb = withDeclaredSize(await zipBomb(32 * MB), 1024, (declared) => declared > MB)
    expect(await refused('bomb.xlsx', bomb)).toMatch(/^文件解压后超过 20 MB.*压缩炸弹/)
  })

  it('old, encrypted, renamed or unreadable files, and other types', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
    expect(await refused('old.xls', ole)).toMatch(/旧版 \.xls 格式或加密的工作簿/)
    expect(await refused('encrypted.xlsx', ole)).toMatch(/旧版 \.xls 格式或加密的工作簿/)
    expect(await refused('a.xlsx', csvUtf8([HEADER]))).toBe(
      '文件扩展名是 .xlsx，但内容不是 Excel 工作簿。',
    )
    expect(await refused('a.csv', await xlsx(QUARTER))).toBe(
      '文件扩展名是 .csv，但内容是压缩包或工作簿。',
    )
    expect(await refused('a.xlsx', Buffer.from('PK\x03\x04 not really a zip', 'latin1'))).toMatch(
      /文件已损坏/,
    )
    expect(await refused('a.pdf', Buffer.from('%PDF-1.7'))).toBe('只能导入 .xlsx 或 .csv 文件。')
    expect(await refused('utf16.csv', Buffer.from('\uFEFF项目,收/支', 'utf16le'))).toMatch(
      /不是文本格式的 CSV/,
    )
    expect(await refused('a.csv', Buffer.from('项目,收/支,金额\n"会费,收入,5\n'))).toMatch(
      /引号没有成对/,
    )
  })
})

describe('the templates', () => {
  it('import as they are once rows are added, with the header the import expects', async () => {
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await templateXlsx()) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER])
    expect(sheet.getCell('B2').dataValidation?.formulae).toEqual(['"收入,支出"'])
    sheet.addRow(['会费', '收入', 12.5])
    const preview = await readSpreadsheet(
      '模板.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    )
    expect(preview.lineItems).toEqual([
      { item: '会费', direction: 'income', amount: 12.5, note: null },
    ])

    const csv = templateCsv().toString('utf8')
    expect(csv).toBe(`\uFEFF${HEADER.join(',')}\r\n`)
    const filled = Buffer.from(`${csv}会费,收入,12.50,\r\n`, 'utf8')
    expect((await readSpreadsheet('模板.csv', filled)).lineItems).toHaveLength(1)
  })
})
