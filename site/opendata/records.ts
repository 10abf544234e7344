/**
 * The open-data files' records, made from the site's published content (never from the CMS directly,
 * so a file holds exactly what the pages show and no draft can reach it). The shapes are those of
 * schemas.ts; inputs are the content collections' entries (site/content.config.ts), typed here by the
 * fields each builder reads.
 */
import { label, type LabelledValue } from '../../cms/labels.ts'
import { disclosure as td, openData as t, search as ts } from '../i18n/zh.ts'
import { gbCitation, type CitedSource } from '../lib/citation.ts'
import type { CsvCell } from '../lib/csv.ts'
import { isoDateTime } from '../../cms/beijingTime.ts'
import { plainYuan } from '../lib/format.ts'
import type { BrandProject, CaseStudy, Community, Disclosure } from '../../cms/payload-types.ts'
import type { CsvColumn } from './schemas.ts'

type Entry<T> = { id: string; data: T }
type Media = { url: string; filename: string; mimeType: string; filesize: number }
export type Ref = { slug: string; name: string } | null

export type NoticeData = {
  title: string
  kind: LabelledValue<'noticeKind'>
  summary: string | null
  meeting: { startsAt: string; endsAt: string | null; place: string } | null
  validUntil: string | null
  pinned: boolean
  bodyHtml: string
  attachments: Media[]
  publishedAt: string
  updatedAt: string
}
export type DisclosureData = {
  title: string
  category: LabelledValue<'disclosureCategory'>
  period: Disclosure['period']
  summary: string | null
  bodyHtml: string
  lineItems: NonNullable<Disclosure['lineItems']>
  totals: { income: number; expense: number; balance: number } | null
  corrections: NonNullable<Disclosure['corrections']>
  attachments: Media[]
  publishedAt: string
  updatedAt: string
}

/** Absolute URLs: `absolute('/anli/x/')` → https://site/anli/x/. */
export type Absolute = (path: string) => string

// Groups and arrays reach the site as the CMS stores them (optional keys, row ids); the files list
// every field of the schema, null where unknown, and nothing else.
type YearMonth = { year?: number | null; month?: number | null } | undefined
export const yearMonth = (v: YearMonth) => ({ year: v?.year ?? null, month: v?.month ?? null })
export const period = (p: Disclosure['period']) => ({
  year: p.year,
  quarter: p.quarter ?? null,
  month: p.month ?? null,
})
export const figures = (list: NonNullable<CaseStudy['figures']>) =>
  list.map((f) => ({
    label: f.label,
    value: f.value,
    unit: f.unit ?? null,
    period: f.period ?? null,
  }))
export const activities = (list: NonNullable<BrandProject['activities']>) =>
  list.map((a) => ({ name: a.name, description: a.description ?? null }))
export const honours = (list: NonNullable<BrandProject['honours']>) =>
  list.map((h) => ({ title: h.title, year: h.year ?? null }))
export const office = (o: NonNullable<Community['office']>) => ({
  address: o.address ?? null,
  dutyHours: o.dutyHours ?? null,
  phone: o.phone ?? null,
})

const attachments = (list: Media[], absolute: Absolute) =>
  list.map((m) => ({
    url: absolute(m.url),
    filename: m.filename,
    mimeType: m.mimeType,
    filesize: m.filesize,
  }))

/**
 * A file's meta. `updated` is the latest change to what it holds (not the build's time), so a file
 * whose content did not change is the same file, and an incremental build leaves it alone; a file
 * that holds nothing yet (a new deployment without cases) has null.
 */
export const fileMeta = (title: string, updatedAts: string[], schema: string, page: string) => ({
  title,
  updated: updatedAts.reduce<string | null>(
    (latest, at) => (latest === null || at > latest ? at : latest),
    null,
  ),
  licence: { name: t.licenceName, url: t.licenceUrl },
  schema,
  page,
})

export const noticeRecord = (notice: Entry<NoticeData>, url: string, absolute: Absolute) => ({
  slug: notice.id,
  url,
  title: notice.data.title,
  kind: notice.data.kind,
  kindLabel: label('noticeKind', notice.data.kind),
  summary: notice.data.summary,
  publishedAt: notice.data.publishedAt,
  updatedAt: notice.data.updatedAt,
  validUntil: notice.data.validUntil,
  pinned: notice.data.pinned,
  meeting: notice.data.meeting,
  bodyHtml: notice.data.bodyHtml,
  attachments: attachments(notice.data.attachments, absolute),
})

export const disclosureRecord = (
  disclosure: Entry<DisclosureData>,
  url: string,
  absolute: Absolute,
) => ({
  slug: disclosure.id,
  url,
  title: disclosure.data.title,
  category: disclosure.data.category,
  categoryLabel: label('disclosureCategory', disclosure.data.category),
  period: period(disclosure.data.period),
  periodLabel: td.periodValue(disclosure.data.period),
  summary: disclosure.data.summary,
  publishedAt: disclosure.data.publishedAt,
  updatedAt: disclosure.data.updatedAt,
  bodyHtml: disclosure.data.bodyHtml,
  lineItems: disclosure.data.lineItems.map((line) => ({
    item: line.item,
    direction: line.direction,
    amount: line.amount,
    note: line.note ?? null,
  })),
  totals: disclosure.data.totals,
  corrections: disclosure.data.corrections.map((c) => ({ date: c.date, note: c.note })),
  attachments: attachments(disclosure.data.attachments, absolute),
})

/** 2026-11-28 14:00, Beijing time, as a spreadsheet shows a time. */
export const beijingMinute = (iso: string | null) => (iso ? isoDateTime(iso) : null)
const beijingDay = (iso: string | null) => beijingMinute(iso)?.slice(0, 10) ?? null

export type CsvRow = Partial<Record<CsvColumn['key'], CsvCell>>

/** data.csv: one row per notice and per disclosure, one per line item for finance tables. */
export function communityCsvRows(
  notices: { entry: Entry<NoticeData>; url: string }[],
  disclosures: { entry: Entry<DisclosureData>; url: string }[],
): CsvRow[] {
  const noticeRows = notices.map(({ entry: { id, data }, url }): CsvRow => ({
    type: ts.types.notice,
    slug: id,
    title: data.title,
    kind: label('noticeKind', data.kind),
    publishedAt: beijingMinute(data.publishedAt),
    updatedAt: beijingMinute(data.updatedAt),
    validUntil: beijingDay(data.validUntil),
    meetingStart: beijingMinute(data.meeting?.startsAt ?? null),
    meetingEnd: beijingMinute(data.meeting?.endsAt ?? null),
    meetingPlace: data.meeting?.place,
    url,
  }))
  const disclosureRows = disclosures.flatMap(({ entry: { id, data }, url }) => {
    const row: CsvRow = {
      type: ts.types.disclosure,
      slug: id,
      title: data.title,
      kind: label('disclosureCategory', data.category),
      period: td.periodValue(data.period),
      publishedAt: beijingMinute(data.publishedAt),
      updatedAt: beijingMinute(data.updatedAt),
      url,
    }
    if (!data.lineItems.length) return [row]
    return data.lineItems.map((line): CsvRow => ({
      ...row,
      lineItem: line.item,
      direction: label('direction', line.direction),
      amount: plainYuan(line.amount),
      lineNote: line.note,
    }))
  })
  return [...noticeRows, ...disclosureRows]
}

/** Rows as the CSV writer takes them: the headers, then each row's cells in column order. */
export const csvTable = (columns: CsvColumn[], rows: CsvRow[]): CsvCell[][] => [
  columns.map((column) => t.columns[column.key][0]),
  ...rows.map((row) => columns.map((column) => row[column.key] ?? null)),
]

type SourceData = {
  title: string
  kind: string
  editors: string[]
  place: string | null
  publisher: string | null
  published: string | null
  container: string | null
  issue: string | null
  pages: string | null
  isbn: string | null
}
type Citation = { chapter: string | null; page: number | null }

/** A case's or project's source, with its GB/T 7714 citation (as a part of a book when it is one). */
export function sourceRecord(
  citation: Citation,
  source: Entry<SourceData> | undefined,
  partTitle: string | null,
) {
  return {
    publication: source ? { slug: source.id, ...source.data } : null,
    chapter: citation.chapter,
    page: citation.page,
    citation: source
      ? gbCitation(source.data as CitedSource, { title: partTitle, page: citation.page })
      : null,
  }
}
