/**
 * The JSON Schema of every open-data file: per committee data.json (and the rows of data.csv), and
 * city-wide the cases, the brand projects and the committees. The schemas are published beside the
 * files, printed field by field on the 开放数据 page and used by the tests to validate every file the
 * build writes, so a field cannot be added to a file without being explained.
 */
import { valuesOf } from '../../cms/labels.ts'
import { openData as t } from '../i18n/zh.ts'
import {
  array,
  boolean,
  dateTime,
  DIALECT,
  integer,
  nullable,
  number,
  object,
  oneOf,
  string,
  uri,
  type Schema,
} from './schema.ts'

const f = t.f

const slug = string(f.slug, { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' })
const ref = (description: string) => nullable(object(description, { slug, name: string(f.name) }))
const refs = (description: string) =>
  array(description, object(f.ref, { slug, name: string(f.name) }))

const meta = object(f.meta, {
  title: string(f.metaTitle),
  updated: nullable(dateTime(f.updated)),
  licence: object(f.licence, { name: string(f.licenceName), url: uri(f.licenceUrl) }),
  schema: uri(f.schema),
  page: uri(f.filePage),
})

const yearMonth = (description: string) =>
  object(description, {
    year: nullable(integer(f.year)),
    month: nullable(integer(f.month, { minimum: 1 })),
  })

const attachments = array(
  f.attachments,
  object(f.attachments, {
    url: uri(f.attachmentUrl),
    filename: string(f.filename),
    mimeType: string(f.mimeType),
    filesize: integer(f.filesize, { minimum: 0 }),
  }),
)

const notice = object(f.notices, {
  slug,
  url: uri(f.url),
  title: string(f.title),
  kind: oneOf(f.noticeKind, valuesOf('noticeKind')),
  kindLabel: string(f.kindLabel),
  summary: nullable(string(f.summary)),
  publishedAt: dateTime(f.publishedAt),
  updatedAt: dateTime(f.updatedAt),
  validUntil: nullable(dateTime(f.validUntil)),
  pinned: boolean(f.pinned),
  meeting: nullable(
    object(f.meeting, {
      startsAt: dateTime(f.startsAt),
      endsAt: nullable(dateTime(f.endsAt)),
      place: string(f.place),
    }),
  ),
  bodyHtml: string(f.bodyHtml),
  attachments,
})

const amount = number(f.amount)
const disclosure = object(f.disclosures, {
  slug,
  url: uri(f.url),
  title: string(f.title),
  category: oneOf(f.category, valuesOf('disclosureCategory')),
  categoryLabel: string(f.kindLabel),
  period: object(f.period, {
    year: integer(f.year),
    quarter: nullable(integer(f.quarter, { minimum: 1 })),
    month: nullable(integer(f.month, { minimum: 1 })),
  }),
  periodLabel: string(f.periodLabel),
  summary: nullable(string(f.summary)),
  publishedAt: dateTime(f.publishedAt),
  updatedAt: dateTime(f.updatedAt),
  bodyHtml: string(f.bodyHtml),
  lineItems: array(
    f.lineItems,
    object(f.lineItems, {
      item: string(f.item),
      direction: oneOf(f.direction, valuesOf('direction')),
      amount,
      note: nullable(string(f.note)),
    }),
  ),
  totals: nullable(
    object(f.totals, {
      income: number(f.income),
      expense: number(f.expense),
      balance: number(f.balance),
    }),
  ),
  corrections: array(
    f.corrections,
    object(f.corrections, { date: dateTime(f.correctionDate), note: string(f.correctionNote) }),
  ),
  attachments,
})

const file = (title: string, properties: Record<string, Schema>): Schema => ({
  $schema: DIALECT,
  title,
  ...object(title, { meta, ...properties }),
})

export const communityDataSchema = file(t.files.communityData, {
  community: object(f.community, {
    slug,
    name: string(f.name),
    url: uri(f.url),
    demo: boolean(f.demo),
  }),
  notices: array(f.notices, notice),
  disclosures: array(f.disclosures, disclosure),
})

const figures = array(
  f.figures,
  object(f.figures, {
    label: string(f.figureLabel),
    value: number(f.figureValue),
    unit: nullable(string(f.figureUnit)),
    period: nullable(string(f.figurePeriod)),
  }),
)
const source = object(f.source, {
  publication: nullable(
    object(f.publication, {
      slug,
      title: string(f.title),
      kind: oneOf(f.sourceKind, valuesOf('sourceKind')),
      editors: array(f.editors, string(f.editors)),
      place: nullable(string(f.publishPlace)),
      publisher: nullable(string(f.publisher)),
      published: nullable(string(f.published, { pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })),
      container: nullable(string(f.container)),
      issue: nullable(string(f.issue)),
      pages: nullable(string(f.pages)),
      isbn: nullable(string(f.isbn)),
    }),
  ),
  chapter: nullable(string(f.chapter)),
  page: nullable(integer(f.page, { minimum: 1 })),
  citation: nullable(string(f.citation)),
})

export const casesSchema = file(t.files.cases, {
  cases: array(
    f.cases,
    object(f.cases, {
      slug,
      url: uri(f.url),
      title: string(f.title),
      genre: oneOf(f.genre, valuesOf('genre')),
      genreLabel: string(f.genreLabel),
      community: ref(f.communityRef),
      street: ref(f.street),
      district: ref(f.district),
      problemCategories: refs(f.problemCategories),
      mechanisms: refs(f.mechanisms),
      year: nullable(integer(f.caseYear)),
      summary: nullable(string(f.summary)),
      hasFullText: boolean(f.hasFullText),
      commentator: nullable(string(f.commentator)),
      figures,
      brandProject: ref(f.brandProject),
      source,
      updatedAt: dateTime(f.updatedAt),
    }),
  ),
})

export const brandProjectsSchema = file(t.files.brandProjects, {
  projects: array(
    f.projects,
    object(f.projects, {
      slug,
      url: uri(f.url),
      name: string(f.name),
      community: ref(f.communityRef),
      street: ref(f.street),
      district: ref(f.district),
      slogan: nullable(string(f.slogan)),
      founded: yearMonth(f.founded),
      summary: nullable(string(f.summary)),
      activities: array(
        f.activities,
        object(f.activities, {
          name: string(f.activity),
          description: nullable(string(f.activityDescription)),
        }),
      ),
      honours: array(
        f.honours,
        object(f.honours, { title: string(f.honour), year: nullable(integer(f.honourYear)) }),
      ),
      figures,
      source,
      updatedAt: dateTime(f.updatedAt),
    }),
  ),
})

export const communitiesSchema = file(t.files.communities, {
  communities: array(
    f.communities,
    object(f.communities, {
      slug,
      url: uri(f.url),
      name: string(f.name),
      kind: oneOf(f.communityKind, valuesOf('communityKind')),
      kindLabel: string(f.kindLabel),
      street: ref(f.street),
      district: ref(f.district),
      city: nullable(string(f.city)),
      types: array(f.types, string(f.types)),
      households: nullable(integer(f.households, { minimum: 0 })),
      residents: nullable(integer(f.residents, { minimum: 0 })),
      areaM2: nullable(number(f.areaM2)),
      founded: yearMonth(f.committeeFounded),
      office: object(f.office, {
        address: nullable(string(f.address)),
        dutyHours: nullable(string(f.dutyHours)),
        phone: nullable(string(f.phone)),
      }),
      serviceArea: object(f.serviceArea, {
        estates: array(
          f.estates,
          object(f.estates, {
            name: string(f.estateName),
            aliases: array(f.aliases, string(f.aliases)),
            formerNames: array(f.formerNames, string(f.formerNames)),
          }),
        ),
        roads: array(
          f.roads,
          object(f.roads, {
            road: string(f.road),
            from: nullable(integer(f.from, { minimum: 1 })),
            to: nullable(integer(f.to, { minimum: 1 })),
            parity: oneOf(f.parity, valuesOf('parity')),
            unit: oneOf(f.unit, valuesOf('numberUnit')),
          }),
        ),
      }),
      demo: boolean(f.demo),
      files: object(f.communityFiles, {
        dataJson: uri(f.dataJson),
        dataCsv: uri(f.dataCsv),
        calendar: uri(f.calendar),
        feed: uri(f.feed),
      }),
    }),
  ),
})

/** A CSV file's columns: header, meaning and the pattern every value must match ('' allowed unless required). */
export type CsvColumn = { key: keyof typeof t.columns; pattern?: string; required?: boolean }

const BEIJING_MINUTE = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$'
const DAY = '^\\d{4}-\\d{2}-\\d{2}$'

export const communityCsvColumns: CsvColumn[] = [
  { key: 'type', required: true },
  { key: 'slug', required: true, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
  { key: 'title', required: true },
  { key: 'kind', required: true },
  { key: 'period' },
  { key: 'publishedAt', required: true, pattern: BEIJING_MINUTE },
  { key: 'updatedAt', required: true, pattern: BEIJING_MINUTE },
  { key: 'validUntil', pattern: DAY },
  { key: 'meetingStart', pattern: BEIJING_MINUTE },
  { key: 'meetingEnd', pattern: BEIJING_MINUTE },
  { key: 'meetingPlace' },
  { key: 'lineItem' },
  { key: 'direction' },
  { key: 'amount', pattern: '^-?\\d+\\.\\d{2}$' },
  { key: 'lineNote' },
  { key: 'url', required: true, pattern: '^https?://' },
]

export const casesCsvColumns: CsvColumn[] = [
  { key: 'slug', required: true },
  { key: 'title', required: true },
  { key: 'genre', required: true },
  { key: 'community' },
  { key: 'street' },
  { key: 'district' },
  { key: 'year', pattern: '^\\d{4}$' },
  { key: 'problems' },
  { key: 'mechanisms' },
  { key: 'summary' },
  { key: 'publication' },
  { key: 'chapter' },
  { key: 'page', pattern: '^\\d+$' },
  { key: 'citation' },
  { key: 'url', required: true, pattern: '^https?://' },
]

export const communitiesCsvColumns: CsvColumn[] = [
  { key: 'slug', required: true },
  { key: 'name', required: true },
  { key: 'communityKind', required: true },
  { key: 'street' },
  { key: 'district' },
  { key: 'city' },
  { key: 'households', pattern: '^\\d+$' },
  { key: 'residents', pattern: '^\\d+$' },
  { key: 'estates' },
  { key: 'roads' },
  { key: 'address' },
  { key: 'dutyHours' },
  { key: 'phone' },
  { key: 'demo' },
  { key: 'url', required: true, pattern: '^https?://' },
]

/** The JSON Schema of one CSV row (an object keyed by the Chinese headers). */
export function csvRowSchema(title: string, columns: CsvColumn[]): Schema {
  const header = (column: CsvColumn) => t.columns[column.key][0]
  return {
    $schema: DIALECT,
    title,
    type: 'object',
    properties: Object.fromEntries(
      columns.map((column) => [
        header(column),
        string(
          t.columns[column.key][1],
          column.pattern
            ? { pattern: column.required ? column.pattern : `(${column.pattern})|^$` }
            : column.required
              ? { minLength: 1 }
              : {},
        ),
      ]),
    ),
    required: columns.map(header),
    additionalProperties: false,
  }
}

export const csvHeaders = (columns: CsvColumn[]) => columns.map((c) => t.columns[c.key][0])
