import { describe, expect, it } from 'vitest'

import { toCsv } from '../../site/lib/csv.ts'
import { describeFields, type Schema } from '../../site/opendata/schema.ts'
import {
  brandProjectsSchema,
  casesSchema,
  communitiesSchema,
  communityCsvColumns,
  communityDataSchema,
  csvRowSchema,
} from '../../site/opendata/schemas.ts'
import {
  communityCsvRows,
  csvTable,
  disclosureRecord,
  fileMeta,
  noticeRecord,
} from '../../site/opendata/records.ts'
import { csvRecords, schemaErrors } from '../helpers/openData.ts'

/**
 * The open-data schemas on their own: valid JSON Schema in ajv's strict mode, every field explained,
 * and the records the builders make from content pass them. The built site's files are validated
 * in tests/opendata/open-data-files.test.ts.
 */
const absolute = (path: string) => new URL(path, 'https://example.org').href
const notice = {
  id: 'q4-juminhuiyi',
  data: {
    title: '关于召开居民代表会议的通知',
    kind: 'meeting' as const,
    summary: null,
    meeting: { startsAt: '2026-11-28T06:00:00.000Z', endsAt: null, place: '居委会二楼' },
    validUntil: '2026-11-27T16:00:00.000Z',
    pinned: true,
    bodyHtml: '<p>正文</p>',
    attachments: [
      {
        url: '/files/agenda.pdf',
        filename: 'agenda.pdf',
        mimeType: 'application/pdf',
        filesize: 1200,
      },
    ],
    publishedAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
  },
}
const finance = {
  id: '2026-q3-caiwu',
  data: {
    title: '2026年第三季度经费收支公开',
    category: 'finance' as const,
    period: { year: 2026, quarter: 3, month: null },
    summary: '经费收支',
    bodyHtml: '',
    lineItems: [
      { item: '上季度结余', direction: 'income' as const, amount: 1200, note: null, id: 'row-1' },
      { item: '办公用品', direction: 'expense' as const, amount: 356.5, note: '发票12张' },
    ],
    totals: { income: 1200, expense: 356.5, balance: 843.5 },
    corrections: [{ date: '2026-10-09T00:00:00.000Z', note: '改正一处金额', id: 'row-2' }],
    attachments: [],
    publishedAt: '2026-10-08T02:00:00.000Z',
    updatedAt: '2026-10-09T02:00:00.000Z',
  },
}

describe('open-data schemas', () => {
  const schemas: [string, Schema][] = [
    ['community data', communityDataSchema],
    ['cases', casesSchema],
    ['brand projects', brandProjectsSchema],
    ['communities', communitiesSchema],
    ['community CSV row', csvRowSchema('csv', communityCsvColumns)],
  ]

  it.each(schemas)('%s: a strict JSON Schema with every field explained', (_, schema) => {
    expect(schemaErrors(schema, null).length).toBeGreaterThan(0)
    const fields = describeFields(schema)
    expect(fields.length).toBeGreaterThan(3)
    expect(fields.filter((field) => !field.description)).toEqual([])
  })

  it('a committee file made from its notices and disclosures (row ids as the CMS stores them dropped) passes its schema; a wrong one does not', () => {
    const data = {
      meta: fileMeta(
        '示例',
        ['2026-11-20T01:00:00.000Z', '2026-11-22T02:00:00.000Z', '2026-11-21T00:00:00.000Z'],
        absolute('/s.json'),
        absolute('/p/'),
      ),
      community: { slug: 'shili', name: '示例居委会', url: absolute('/shequ/shili/'), demo: true },
      notices: [noticeRecord(notice, absolute('/n/'), absolute)],
      disclosures: [disclosureRecord(finance, absolute('/d/'), absolute)],
    }
    expect(data.meta.updated).toBe('2026-11-22T02:00:00.000Z')
    expect(schemaErrors(communityDataSchema, data)).toEqual([])
    expect(schemaErrors(communityDataSchema, { ...data, extra: 1 })).not.toEqual([])
    const badAmount = structuredClone(data)
    ;(badAmount.disclosures[0].lineItems[0] as { amount: unknown }).amount = '1200'
    expect(schemaErrors(communityDataSchema, badAmount)).not.toEqual([])
  })

  it('a file that holds nothing yet (no cases on a new deployment) has no update time, and passes', () => {
    const data = { meta: fileMeta('案例', [], absolute('/s.json'), absolute('/p/')), cases: [] }
    expect(data.meta.updated).toBeNull()
    expect(schemaErrors(casesSchema, data)).toEqual([])
  })

  it('the committee CSV: a row per notice and per line item, each passing the row schema', () => {
    const rows = communityCsvRows(
      [{ entry: notice, url: absolute('/n/') }],
      [{ entry: finance, url: absolute('/d/') }],
    )
    const records = csvRecords(toCsv(csvTable(communityCsvColumns, rows)))
    expect(records.map((r) => [r['类型'], r['明细项目'], r['金额（元）']])).toEqual([
      ['通知', '', ''],
      ['居务公开', '上季度结余', '1200.00'],
      ['居务公开', '办公用品', '356.50'],
    ])
    expect(records[0]['会议开始']).toBe('2026-11-28 14:00')
    const schema = csvRowSchema('csv', communityCsvColumns)
    for (const record of records) expect(schemaErrors(schema, record)).toEqual([])
    expect(schemaErrors(schema, { ...records[0], 发布时间: '2026/11/20' })).not.toEqual([])
  })
})
