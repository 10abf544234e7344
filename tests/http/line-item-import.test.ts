import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startCmsServer, type CmsServer } from '../helpers/cmsServer.ts'
import { anonymous, restClient, type Session } from '../helpers/rest.ts'
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
 * The finance-table import over real HTTP against the running CMS: the template, the preview, and
 * applying it, per role both ways; every bad file refused with its Chinese message and the
 * disclosure left exactly as it was. The disclosure is the demo community's published
 * 2026 Q3 finance table.
 */
let server: CmsServer
let api: ReturnType<typeof restClient>
const sessions = {} as Record<'admin' | 'editor' | 'supervisor' | 'otherEditor', Session>
let disclosureId: string | number
let resolutionId: string | number

const PASSWORD = 'Staff-pass-12345'
const GOOD = [
  HEADER,
  ['上季度结余', '收入', 1200.5, null],
  ['街道拨付工作经费', '收入', 15000, '第四季度'],
  ['办公用品', '支出', 356.5, '发票12张'],
  ['打印复印', '支出', 0.1, null],
  ['报刊订阅', '支出', 0.2, null],
]

const truth = async () =>
  (await api.get(sessions.admin, `/api/disclosures/${disclosureId}?draft=true&depth=0`)).json
const published = async () =>
  (await api.get(anonymous, `/api/disclosures/${disclosureId}?depth=0`)).json

/** Posts a file to the import endpoint as `session`, as the admin panel does (multipart). */
async function upload(
  session: Session,
  name: string,
  bytes: Buffer,
  { apply = false, id = disclosureId }: { apply?: boolean; id?: string | number } = {},
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), name)
  const response = await fetch(
    `${server.url}/api/disclosures/${id}/line-items${apply ? '?apply=1' : ''}`,
    {
      method: 'POST',
      body: form,
      headers: session.token ? { authorization: `JWT ${session.token}` } : {},
    },
  )
  return {
    status: response.status, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer it expects
    json: (await response.json()) as any,
  }
}

beforeAll(async () => {
  server = await startCmsServer()
  api = restClient(server.url)
  await api.post(anonymous, '/api/users/first-register', {
    email: 'admin@example.test',
    password: PASSWORD,
    name: '管理员',
  })
  sessions.admin = await api.login('admin@example.test', PASSWORD)
  const id = async (collection: string, slug: string) =>
    (await api.get(sessions.admin, `/api/${collection}?where[slug][equals]=${slug}&depth=0`)).json
      .docs[0].id
  const staff = {
    editor: { role: 'editor', communities: [await id('communities', 'shili')] },
    supervisor: { role: 'supervisor', streets: [await id('streets', 'shili-jiedao')] },
    otherEditor: { role: 'editor', communities: [await id('communities', 'lijiang-shanshui')] },
  }
  for (const [key, extra] of Object.entries(staff)) {
    const email = `${key.toLowerCase()}@example.test`
    const created = await api.post(sessions.admin, '/api/users', {
      email,
      password: PASSWORD,
      name: key,
      ...extra,
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    sessions[key as keyof typeof staff] = await api.login(email, PASSWORD, key)
  }
  disclosureId = await id('disclosures', '2026-q3-jingfei-shouzhi')
  resolutionId = await id('disclosures', '2026-06-jumin-gongyue-xiuding-jueyi')
})
afterAll(async () => server?.stop())

describe('the template', () => {
  it('downloads for staff as .xlsx and .csv, and not for anonymous visitors', async () => {
    const xlsxResponse = await fetch(`${server.url}/api/disclosures/line-items-template`, {
      headers: { authorization: `JWT ${sessions.editor.token}` },
    })
    expect(xlsxResponse.status).toBe(200)
    expect(xlsxResponse.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await xlsxResponse.arrayBuffer()) as never)
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...HEADER])
    const csv = await fetch(`${server.url}/api/disclosures/line-items-template?format=csv`, {
      headers: { authorization: `JWT ${sessions.editor.token}` },
    })
    // Read as bytes: Response.text() would drop the byte-order mark Excel needs.
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe(
      `\uFEFF${HEADER.join(',')}\r\n`,
    )
    const refused = await fetch(`${server.url}/api/disclosures/line-items-template`)
    expect(refused.status).toBe(401)
  })
})

describe('every bad file is refused with its reason, and nothing is saved', () => {
  let before: unknown
  beforeAll(async () => {
    before = await truth()
  })

  const badFiles: Array<[string, () => Promise<[string, Buffer]>, number, RegExp]> = [
    [
      'wrong columns',
      async () => [
        'a.xlsx',
        await xlsx([
          ['日期', ...HEADER],
          ['10-01', '会费', '收入', 5],
        ]),
      ],
      422,
      /^第 1 行（表头）有不认识的列“日期”/,
    ],
    [
      'merged cells',
      async () => ['a.xlsx', await xlsx(GOOD, (sheet) => sheet.mergeCells('A2:B2'))],
      422,
      /合并单元格（A2:B2）/,
    ],
    ['a macro workbook (.xlsm)', async () => ['a.xlsm', await xlsx(GOOD)], 422, /含宏或二进制格式/],
    [
      'a VBA project inside an .xlsx',
      async () => ['a.xlsx', await withParts(await xlsx(GOOD), { 'xl/vbaProject.bin': 'x' })],
      422,
      /含宏的工作簿/,
    ],
    ['a zip bomb', async () => ['a.xlsx', await zipBomb(32 * 1024 * 1024)], 422, /压缩炸弹/],
    [
      'a zip bomb declaring small sizes',
      async () => [
        'a.xlsx',
        withDeclaredSize(await zipBomb(32 * 1024 * 1024), 1024, (size) => size > 1024 * 1024),
      ],
      422,
      /压缩炸弹/,
    ],
    [
      'a file over the size cap',
      async () => ['a.csv', Buffer.alloc(3 * 1024 * 1024, 0x41)],
      413,
      /超过了 2 MB 的上限/,
    ],
    [
      'not a spreadsheet',
      async () => ['a.pdf', Buffer.from('%PDF-1.7')],
      422,
      /只能导入 \.xlsx 或 \.csv 文件/,
    ],
  ]

  it.each(badFiles)('%s', async (_name, make, status, message) => {
    const [name, bytes] = await make()
    for (const apply of [false, true]) {
      const response = await upload(sessions.editor, name, bytes, { apply })
      expect(response.status).toBe(status)
      expect(response.json.errors[0].message).toMatch(message)
    }
    expect(await truth()).toEqual(before)
  })

  it('text amounts and formulas: every row’s problem shown, and applying saves nothing', async () => {
    const bytes = await xlsx([
      HEADER,
      ['会费', '收入', 100],
      ['茶叶', '支出', '一千二'],
      ['合计', '收入', { formula: 'C2*2', result: 200 }],
    ])
    const preview = await upload(sessions.editor, 'a.xlsx', bytes)
    expect(preview.status).toBe(200)
    expect(preview.json.preview.problems).toEqual([
      '第 3 行：金额不是数字（“一千二”）',
      '第 4 行：“金额（元）”是公式（=C2*2），请复制后“粘贴为数值”再导入',
    ])
    const applied = await upload(sessions.editor, 'a.xlsx', bytes, { apply: true })
    expect(applied.status).toBe(422)
    expect(applied.json.errors[0].message).toBe('表格有 2 处问题，没有保存任何内容。')
    expect(await truth()).toEqual(before)
  })

  it('a request without a file, or for a disclosure that is not a finance table', async () => {
    const form = await fetch(`${server.url}/api/disclosures/${disclosureId}/line-items`, {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `JWT ${sessions.editor.token}` },
    })
    expect(form.status).toBe(400)
    const resolution = await upload(sessions.editor, 'a.xlsx', await xlsx(GOOD), {
      apply: true,
      id: resolutionId,
    })
    expect(resolution.status).toBe(400)
    expect(resolution.json.errors[0].message).toBe('只有“财务”类的居务公开才有收支明细。')
    expect(await truth()).toEqual(before)
  })
})

describe('who may import', () => {
  it('anonymous visitors and editors of other communities are refused, and nothing changes', async () => {
    const before = await truth()
    const bytes = await xlsx(GOOD)
    expect((await upload(anonymous, 'a.xlsx', bytes, { apply: true })).status).toBe(401)
    const other = await upload(sessions.otherEditor, 'a.xlsx', bytes, { apply: true })
    expect(other.status).toBe(403)
    expect(other.json.errors[0].message).toMatch(/只能导入本人负责的居委会/)
    expect((await upload(sessions.otherEditor, 'a.xlsx', bytes)).status).toBe(403)
    expect(await truth()).toEqual(before)
  })

  it('a GBK CSV previewed by the supervisor: decoded, its encoding named, nothing saved', async () => {
    const before = await truth()
    const rows = GOOD.map((r) => r.map((v) => (v === null ? '' : String(v))))
    const response = await upload(sessions.supervisor, '明细.csv', csvGbk(rows))
    expect(response.status).toBe(200)
    expect(response.json.preview.encoding).toBe('GBK')
    expect(response.json.preview.lineItems[1].item).toBe('街道拨付工作经费')
    expect(await truth()).toEqual(before)
  })

  it.each(['editor', 'supervisor', 'admin'] as const)(
    '%s applies it: the draft gets the rows and exact totals, the published page is unchanged until published',
    async (role) => {
      const live = await published()
      const rows = GOOD.map((r) => r.map((v) => (v === null ? '' : String(v))))
      const response = await upload(sessions[role], '明细.csv', csvUtf8(rows), { apply: true })
      expect(response.status, JSON.stringify(response.json)).toBe(200)
      const draft = await truth()
      expect(draft._status).toBe('draft')
      expect(
        draft.lineItems.map(
          (l: { item: string; direction: string; amount: number; note?: string }) => [
            l.item,
            l.direction,
            l.amount,
            l.note ?? null,
          ],
        ),
      ).toEqual([
        ['上季度结余', 'income', 1200.5, null],
        ['街道拨付工作经费', 'income', 15000, '第四季度'],
        ['办公用品', 'expense', 356.5, '发票12张'],
        ['打印复印', 'expense', 0.1, null],
        ['报刊订阅', 'expense', 0.2, null],
      ])
      // In fen: 120050 + 1500000 income; 35650 + 10 + 20 expense.
      expect(draft.totals).toEqual({ income: 16200.5, expense: 356.8, balance: 15843.7 })
      expect(await published()).toEqual(live)
    },
  )
})
