import {
  BASIS_LABELS,
  CITY_LABELS,
  COMMUNITY_KIND_LABELS,
  DIRECTION_LABELS,
  DISCLOSURE_CATEGORY_LABELS,
  GENRE_LABELS,
  NOTICE_KIND_LABELS,
  SOURCE_KIND_LABELS,
  STREET_KIND_LABELS,
} from '../labels.ts'
import { text, type CollectionSpec, type Fields } from './fieldSpec.ts'

const keys = (labels: Record<string, string>) => Object.keys(labels)

const figures: Fields = {
  label: text({ required: true }),
  value: { kind: 'number', required: true },
  unit: text(),
  period: text(),
}

const citation = (required: boolean): Fields => ({
  publication: { kind: 'ref', to: 'sources', required },
  chapter: text(),
  page: { kind: 'number', integer: true, min: 1 },
})

const place: Fields = {
  street: { kind: 'ref', to: 'streets' },
  district: { kind: 'ref', to: 'districts' },
}

/**
 * Every folder of content/, in the order it is loaded: a collection comes after the ones it
 * references (references to later collections, like a community's cover image, are filled in a
 * second pass). Field order here is the key order of exported files.
 */
export const SPECS: CollectionSpec[] = [
  {
    collection: 'sources',
    folder: 'sources',
    format: 'yaml',
    drafts: false,
    fields: {
      title: text({ required: true }),
      kind: text({ required: true, options: keys(SOURCE_KIND_LABELS) }),
      editors: { kind: 'texts' },
      publisher: text(),
      published: text(),
      isbn: text(),
    },
  },
  {
    collection: 'districts',
    folder: 'districts',
    format: 'yaml',
    drafts: false,
    fields: {
      name: text({ required: true }),
      city: text({ required: true, options: keys(CITY_LABELS) }),
    },
  },
  {
    collection: 'streets',
    folder: 'streets',
    format: 'yaml',
    drafts: false,
    fields: {
      name: text({ required: true }),
      kind: text({ required: true, options: keys(STREET_KIND_LABELS) }),
      district: { kind: 'ref', to: 'districts', required: true },
      districtBasis: text({ options: keys(BASIS_LABELS) }),
    },
  },
  {
    collection: 'problem-categories',
    folder: 'problem-categories',
    format: 'yaml',
    drafts: false,
    fields: { name: text({ required: true }), description: text() },
  },
  {
    collection: 'mechanisms',
    folder: 'mechanisms',
    format: 'yaml',
    drafts: false,
    fields: { name: text({ required: true }), description: text() },
  },
  {
    collection: 'communities',
    folder: 'communities',
    format: 'markdown',
    drafts: true,
    body: { field: 'introduction' },
    fields: {
      name: text({ required: true }),
      kind: text({ required: true, options: keys(COMMUNITY_KIND_LABELS) }),
      ...place,
      types: { kind: 'texts' },
      figures: {
        kind: 'group',
        fields: {
          households: { kind: 'number', integer: true, min: 0 },
          residents: { kind: 'number', integer: true, min: 0 },
          areaM2: { kind: 'number', min: 0 },
          founded: { kind: 'yearMonth' },
        },
      },
      office: { kind: 'group', fields: { address: text(), dutyHours: text() } },
      cover: { kind: 'ref', to: 'media' },
      demo: { kind: 'boolean' },
      sources: { kind: 'refs', to: 'sources' },
      publishedAt: { kind: 'dateTime' },
    },
  },
  {
    collection: 'media',
    folder: 'media',
    format: 'media',
    drafts: false,
    fields: { alt: text(), community: { kind: 'ref', to: 'communities' } },
  },
  {
    collection: 'brand-projects',
    folder: 'brand-projects',
    format: 'markdown',
    drafts: true,
    body: { field: 'body' },
    fields: {
      name: text({ required: true }),
      community: { kind: 'ref', to: 'communities' },
      ...place,
      slogan: text(),
      founded: { kind: 'yearMonth' },
      summary: text(),
      source: { kind: 'group', fields: citation(false) },
      figures: { kind: 'list', fields: figures },
      activities: { kind: 'list', fields: { name: text({ required: true }), description: text() } },
      honours: {
        kind: 'list',
        fields: { title: text({ required: true }), year: { kind: 'number', integer: true } },
      },
      publishedAt: { kind: 'dateTime' },
    },
  },
  {
    collection: 'case-studies',
    folder: 'case-studies',
    format: 'markdown',
    drafts: true,
    body: {
      sections: {
        背景: 'background',
        过程: 'process',
        成效: 'outcome',
        经验启示: 'lessons',
        点评: 'commentary',
      },
    },
    fields: {
      title: text({ required: true }),
      genre: text({ required: true, options: keys(GENRE_LABELS) }),
      community: { kind: 'ref', to: 'communities' },
      ...place,
      problemCategories: { kind: 'refs', to: 'problem-categories' },
      mechanisms: { kind: 'refs', to: 'mechanisms' },
      year: { kind: 'number', integer: true, min: 1949, max: 2100 },
      summary: text(),
      source: { kind: 'group', required: true, fields: citation(true) },
      brandProject: { kind: 'ref', to: 'brand-projects' },
      commentator: text(),
      figures: { kind: 'list', fields: figures },
      publishedAt: { kind: 'dateTime' },
    },
  },
  {
    collection: 'notices',
    folder: 'notices',
    format: 'markdown',
    drafts: true,
    body: { field: 'body' },
    fields: {
      title: text({ required: true }),
      community: { kind: 'ref', to: 'communities', required: true },
      kind: text({ required: true, options: keys(NOTICE_KIND_LABELS) }),
      publishedAt: { kind: 'dateTime' },
      summary: text(),
      meeting: {
        kind: 'group',
        fields: { startsAt: { kind: 'dateTime' }, endsAt: { kind: 'dateTime' }, place: text() },
      },
      validUntil: { kind: 'date' },
      pinned: { kind: 'boolean' },
      attachments: { kind: 'refs', to: 'media' },
    },
  },
  {
    collection: 'disclosures',
    folder: 'disclosures',
    format: 'markdown',
    drafts: true,
    body: { field: 'body' },
    fields: {
      title: text({ required: true }),
      community: { kind: 'ref', to: 'communities', required: true },
      category: text({ required: true, options: keys(DISCLOSURE_CATEGORY_LABELS) }),
      period: {
        kind: 'group',
        required: true,
        fields: {
          year: { kind: 'number', required: true, integer: true, min: 1949, max: 2100 },
          quarter: { kind: 'number', integer: true, min: 1, max: 4 },
          month: { kind: 'number', integer: true, min: 1, max: 12 },
        },
      },
      publishedAt: { kind: 'dateTime' },
      summary: text(),
      lineItems: {
        kind: 'list',
        fields: {
          item: text({ required: true }),
          direction: text({ required: true, options: keys(DIRECTION_LABELS) }),
          amount: { kind: 'number', required: true, min: 0, decimals: 2 },
          note: text(),
        },
      },
      attachments: { kind: 'refs', to: 'media' },
      relatedNotice: { kind: 'ref', to: 'notices' },
      corrections: {
        kind: 'list',
        fields: { date: { kind: 'dateTime', required: true }, note: text({ required: true }) },
      },
    },
  },
]

export const specFor = (collection: string): CollectionSpec => {
  const spec = SPECS.find((candidate) => candidate.collection === collection)
  if (!spec) throw new Error(`No content spec for collection ${collection}`)
  return spec
}
