/**
 * The finance-table import over HTTP, for the admin's import panel and for scripts:
 *
 * - `GET  /api/disclosures/line-items-template?format=xlsx|csv`: the template (staff only);
 * - `POST /api/disclosures/:id/line-items` with a multipart `file`: the preview, every row with its
 *   problems; with `?apply=1` and no problem, the line items replace the disclosure's as a draft
 *   (a normal save: totals computed, amounts validated, review and corrections as for any edit).
 *
 * Only staff who may edit the disclosure get either; a refused or faulty file changes nothing.
 */
import {
  addDataAndFileToRequest,
  APIError,
  ValidationError,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { getUserCommunityIds } from '../../../access/getUserCommunityIds.ts'
import { idOf, type Ref } from '../../../utilities/idOf.ts'
import { ImportError } from './importError.ts'
import { MAX_IMPORT_BYTES } from './limits.ts'
import { readSpreadsheet } from './readSpreadsheet.ts'
import { templateCsv, templateXlsx } from './template.ts'

const json = (status: number, body: unknown) => Response.json(body, { status })
const refuse = (status: number, message: string) => json(status, { errors: [{ message }] })

const TEMPLATE_NAME = '收支明细模板'

const templateEndpoint: Endpoint = {
  path: '/line-items-template',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, '请先登录。')
    const csv = req.searchParams.get('format') === 'csv'
    const body = csv ? templateCsv() : await templateXlsx()
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': csv
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${TEMPLATE_NAME}.${csv ? 'csv' : 'xlsx'}`)}`,
      },
    })
  },
}

/** The disclosure, if this user may edit it (a draft, as staff see it in the admin). */
async function editableDisclosure(req: PayloadRequest, id: string) {
  const doc = await req.payload.findByID({
    collection: 'disclosures',
    id,
    draft: true,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    disableErrors: true,
    req,
  })
  if (!doc) return { status: 404, message: '找不到这条居务公开。' } as const
  const mine = await getUserCommunityIds(req)
  if (mine !== 'all' && !mine.includes(idOf(doc.community as Ref) ?? ''))
    return { status: 403, message: '无权操作：只能导入本人负责的居委会的居务公开。' } as const
  if (doc.category !== 'finance')
    return { status: 400, message: '只有“财务”类的居务公开才有收支明细。' } as const
  return { doc } as const
}

const importEndpoint: Endpoint = {
  path: '/:id/line-items',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, '请先登录。')
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > MAX_IMPORT_BYTES + 64 * 1024)
      return refuse(413, `文件超过了 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 的上限。`)
    const found = await editableDisclosure(req, String(req.routeParams?.id ?? ''))
    if (!found.doc) return refuse(found.status, found.message)
    const { doc: disclosure } = found

    try {
      await addDataAndFileToRequest(req)
    } catch {
      return refuse(400, '上传的内容无法读取，请重新选择文件。')
    }
    const file = req.file
    if (!file) return refuse(400, '请选择要导入的 .xlsx 或 .csv 文件。')
    let preview
    try {
      preview = await readSpreadsheet(file.name, file.data)
    } catch (error) {
      if (error instanceof ImportError) return refuse(422, error.message)
      throw error
    }
    if (req.searchParams.get('apply') !== '1') return json(200, { preview })
    if (!preview.lineItems)
      return json(422, {
        errors: [{ message: `表格有 ${preview.problems.length} 处问题，没有保存任何内容。` }],
        preview,
      })
    try {
      const doc = await req.payload.update({
        collection: 'disclosures',
        id: disclosure.id,
        data: { lineItems: preview.lineItems } as never,
        draft: true,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
      return json(200, {
        preview,
        doc: { id: doc.id, lineItems: doc.lineItems, totals: doc.totals },
      })
    } catch (error) {
      if (error instanceof ValidationError || error instanceof APIError)
        return refuse(error.status ?? 400, error.message)
      throw error
    }
  },
}

export const lineItemImportEndpoints = [templateEndpoint, importEndpoint]
