/**
 * The site's content: one collection per public content type (cms/contentTypes.ts), read from
 * Payload by `payloadLoader`. A transform takes the document as cms/payload-types.ts types it; the
 * schema says what pages may rely on. Only what changes form on the way is spelled out: relations
 * become reference()s to the site's own collections, selects z.enum()s of their stored values
 * (labelled at the edge, cms/labels.ts), rich text HTML and files media assets. Plain values and
 * groups of them reach pages as the CMS stores them, typed by payload-types. Drafts never arrive
 * here: the loader asks the CMS as an anonymous visitor.
 */
import { defineCollection, reference } from 'astro:content'
import { z } from 'astro/zod'

import { populate, type PublicType, type SiteCollection } from '../cms/contentTypes.ts'
import { valuesOf, type LabelKind, type LabelledValue } from '../cms/labels.ts'
import type {
  BrandProject,
  CaseStudy,
  CatalogueItem,
  Community,
  Disclosure,
  District,
  Mechanism,
  Notice,
  ProblemCategory,
  Source,
  Street,
} from '../cms/payload-types.ts'
import type { MediaAsset } from './loaders/mediaFiles.ts'
import { payloadLoader, type TransformHelpers } from './loaders/payloadLoader.ts'

/** A value as the CMS stores it, typed by payload-types (absent groups arrive as `{}`). */
const stored = <T>() => z.custom<T>()
const text = z.string().nullable()
const date = z.string().nullable() // ISO instant
const media = stored<MediaAsset>()
const choice = <K extends LabelKind>(kind: K) => z.enum(valuesOf(kind))
const ref = (collection: SiteCollection) => reference(collection).nullable()
const refs = (collection: SiteCollection) => z.array(reference(collection))

type Docs = {
  sources: Source
  districts: District
  streets: Street
  'problem-categories': ProblemCategory
  mechanisms: Mechanism
  communities: Community
  'catalogue-items': CatalogueItem
  'brand-projects': BrandProject
  'case-studies': CaseStudy
  notices: Notice
  disclosures: Disclosure
}

function collection<C extends keyof Docs & PublicType['collection'], S extends z.ZodType>(
  name: C,
  schema: S,
  transform: (doc: Docs[C], h: TransformHelpers) => z.input<S> | Promise<z.input<S>>,
) {
  return defineCollection({
    loader: payloadLoader({
      collection: name,
      depth: 1,
      populate,
      transform: transform as never,
    }),
    schema,
  })
}

const attachments = async (docs: Notice['attachments'], h: TransformHelpers) =>
  (await Promise.all((docs ?? []).map((doc) => h.media(doc)))).filter((m) => m !== null)

const source = (doc: CaseStudy | BrandProject, h: TransformHelpers) => ({
  publication: h.slug(doc.source?.publication),
  chapter: doc.source?.chapter ?? null,
  page: doc.source?.page ?? null,
})
const citation = z.object({
  publication: ref('sources'),
  chapter: text,
  page: z.number().nullable(),
})

const place = (doc: CaseStudy | BrandProject | Community, h: TransformHelpers) => ({
  street: h.slug(doc.street),
  district: h.slug(doc.district),
})
const placed = { street: ref('streets'), district: ref('districts') }

const term = z.object({ name: z.string(), description: text })
const termData = (doc: ProblemCategory | Mechanism) => ({
  name: doc.name,
  description: doc.description ?? null,
})

export const collections = {
  districts: collection(
    'districts',
    z.object({ name: z.string(), city: choice('city') }),
    (doc) => ({ name: doc.name, city: doc.city }),
  ),
  streets: collection(
    'streets',
    z.object({ name: z.string(), kind: choice('streetKind'), district: ref('districts') }),
    (doc, h) => ({ name: doc.name, kind: doc.kind, district: h.slug(doc.district) }),
  ),
  sources: collection(
    'sources',
    z.object({
      title: z.string(),
      kind: choice('sourceKind'),
      editors: z.array(z.string()),
      place: text,
      publisher: text,
      published: text,
      container: text,
      issue: text,
      pages: text,
      isbn: text,
    }),
    (doc) => ({
      title: doc.title,
      kind: doc.kind,
      editors: doc.editors ?? [],
      place: doc.place ?? null,
      publisher: doc.publisher ?? null,
      published: doc.published ?? null,
      container: doc.container ?? null,
      issue: doc.issue ?? null,
      pages: doc.pages ?? null,
      isbn: doc.isbn ?? null,
    }),
  ),
  problemCategories: collection('problem-categories', term, termData),
  mechanisms: collection('mechanisms', term, termData),
  communities: collection(
    'communities',
    z.object({
      name: z.string(),
      kind: choice('communityKind'),
      ...placed,
      types: z.array(z.string()),
      figures: stored<NonNullable<Community['figures']>>(),
      introductionHtml: z.string(),
      office: stored<NonNullable<Community['office']>>(),
      /** 辖区 with empty lists where none are known: see site/lookup/serviceArea.ts. */
      serviceArea: z.object({
        estates: z.array(
          z.object({
            name: z.string(),
            aliases: z.array(z.string()),
            formerNames: z.array(z.string()),
          }),
        ),
        roads: z.array(
          z.object({
            road: z.string(),
            from: z.number().nullable(),
            to: z.number().nullable(),
            parity: choice('parity'),
            unit: choice('numberUnit'),
          }),
        ),
      }),
      cover: media.nullable(),
      demo: z.boolean(),
      /** From this day the 公开目录 counts what is due (null: not tracked). */
      trackedSince: date,
      sources: refs('sources'),
      updatedAt: z.string(),
    }),
    async (doc, h) => ({
      name: doc.name,
      kind: doc.kind,
      ...place(doc, h),
      types: doc.types ?? [],
      figures: doc.figures ?? {},
      introductionHtml: h.html(doc.introduction),
      office: doc.office ?? {},
      serviceArea: {
        estates: (doc.serviceArea?.estates ?? []).map((e) => ({
          name: e.name,
          aliases: e.aliases ?? [],
          formerNames: e.formerNames ?? [],
        })),
        roads: (doc.serviceArea?.roads ?? []).map((r) => ({
          road: r.road,
          from: r.from ?? null,
          to: r.to ?? null,
          parity: r.parity,
          unit: r.unit,
        })),
      },
      cover: await h.media(doc.cover),
      demo: Boolean(doc.demo),
      trackedSince: doc.trackedSince ?? null,
      sources: h.slugs(doc.sources),
      updatedAt: doc.updatedAt,
    }),
  ),
  catalogueItems: collection(
    'catalogue-items',
    z.object({
      name: z.string(),
      order: z.number(),
      category: choice('disclosureCategory'),
      cadence: choice('cadence'),
      dueDays: z.number().nullable(),
      dueFrom: choice('dueFrom').nullable(),
      eventKeywords: z.array(z.string()),
      basis: z.string(),
      appliesTo: choice('appliesTo'),
      communities: refs('communities'),
    }),
    (doc, h) => ({
      name: doc.name,
      order: doc.order,
      category: doc.category,
      cadence: doc.cadence,
      dueDays: doc.dueDays ?? null,
      dueFrom: doc.dueFrom ?? null,
      eventKeywords: doc.eventKeywords ?? [],
      basis: doc.basis,
      appliesTo: doc.appliesTo,
      communities: h.slugs(doc.communities),
    }),
  ),
  notices: collection(
    'notices',
    z.object({
      title: z.string(),
      community: reference('communities'),
      kind: choice('noticeKind'),
      summary: text,
      meeting: z.object({ startsAt: z.string(), endsAt: date, place: z.string() }).nullable(),
      validUntil: date,
      pinned: z.boolean(),
      bodyHtml: z.string(),
      attachments: z.array(media),
      publishedAt: z.string(),
      updatedAt: z.string(),
    }),
    async (doc, h) => ({
      title: doc.title,
      // Null fails the schema: a notice of a community the public cannot see is left out.
      community: h.slug(doc.community) as string,
      kind: doc.kind,
      summary: doc.summary ?? null,
      meeting:
        doc.kind === 'meeting' && doc.meeting?.startsAt
          ? {
              startsAt: doc.meeting.startsAt,
              endsAt: doc.meeting.endsAt ?? null,
              place: doc.meeting.place ?? '',
            }
          : null,
      validUntil: doc.validUntil ?? null,
      pinned: Boolean(doc.pinned),
      bodyHtml: h.html(doc.body),
      attachments: await attachments(doc.attachments, h),
      publishedAt: doc.publishedAt ?? doc.createdAt,
      updatedAt: doc.updatedAt,
    }),
  ),
  disclosures: collection(
    'disclosures',
    z.object({
      title: z.string(),
      community: reference('communities'),
      category: choice('disclosureCategory'),
      period: stored<Disclosure['period']>(),
      summary: text,
      bodyHtml: z.string(),
      lineItems: stored<NonNullable<Disclosure['lineItems']>>(),
      /** Computed by the CMS on every save; null for a disclosure without a table. */
      totals: stored<{ income: number; expense: number; balance: number } | null>(),
      attachments: z.array(media),
      relatedNotice: ref('notices'),
      /** The 公开目录 item it fulfils, as stored (site/lib/catalogue.ts derives it when unset). */
      catalogueItem: ref('catalogueItems'),
      /** The correction log (更正记录): one entry per change published after the first publication. */
      corrections: stored<NonNullable<Disclosure['corrections']>>(),
      publishedAt: z.string(),
      updatedAt: z.string(),
    }),
    async (doc, h) => ({
      title: doc.title,
      // Null fails the schema: a notice of a community the public cannot see is left out.
      community: h.slug(doc.community) as string,
      category: doc.category,
      period: doc.period,
      summary: doc.summary ?? null,
      bodyHtml: h.html(doc.body),
      lineItems: doc.lineItems ?? [],
      totals: doc.lineItems?.length
        ? {
            income: doc.totals?.income ?? 0,
            expense: doc.totals?.expense ?? 0,
            balance: doc.totals?.balance ?? 0,
          }
        : null,
      attachments: await attachments(doc.attachments, h),
      relatedNotice: h.slug(doc.relatedNotice),
      catalogueItem: h.slug(doc.catalogueItem),
      corrections: doc.corrections ?? [],
      publishedAt: doc.publishedAt ?? doc.createdAt,
      updatedAt: doc.updatedAt,
    }),
  ),
  caseStudies: collection(
    'case-studies',
    z.object({
      title: z.string(),
      genre: choice('genre'),
      community: ref('communities'),
      ...placed,
      problemCategories: refs('problemCategories'),
      mechanisms: refs('mechanisms'),
      year: z.number().nullable(),
      summary: text,
      sections: z.record(choice('caseSection'), z.string()),
      commentator: text,
      figures: stored<NonNullable<CaseStudy['figures']>>(),
      source: citation,
      brandProject: ref('brandProjects'),
      updatedAt: z.string(),
    }),
    (doc, h) => ({
      title: doc.title,
      genre: doc.genre,
      community: h.slug(doc.community),
      ...place(doc, h),
      problemCategories: h.slugs(doc.problemCategories),
      mechanisms: h.slugs(doc.mechanisms),
      year: doc.year ?? null,
      summary: doc.summary ?? null,
      sections: Object.fromEntries(
        valuesOf('caseSection').map((key) => [key, h.html(doc.sections?.[key])]),
      ) as Record<LabelledValue<'caseSection'>, string>,
      commentator: doc.commentator ?? null,
      figures: doc.figures ?? [],
      source: source(doc, h),
      brandProject: h.slug(doc.brandProject),
      updatedAt: doc.updatedAt,
    }),
  ),
  brandProjects: collection(
    'brand-projects',
    z.object({
      name: z.string(),
      community: ref('communities'),
      ...placed,
      slogan: text,
      founded: stored<NonNullable<BrandProject['founded']>>(),
      partners: text,
      summary: text,
      bodyHtml: z.string(),
      figures: stored<NonNullable<BrandProject['figures']>>(),
      activities: stored<NonNullable<BrandProject['activities']>>(),
      honours: stored<NonNullable<BrandProject['honours']>>(),
      source: citation,
      updatedAt: z.string(),
    }),
    (doc, h) => ({
      name: doc.name,
      community: h.slug(doc.community),
      ...place(doc, h),
      slogan: doc.slogan ?? null,
      founded: doc.founded ?? {},
      partners: doc.partners ?? null,
      summary: doc.summary ?? null,
      bodyHtml: h.html(doc.body),
      figures: doc.figures ?? [],
      activities: doc.activities ?? [],
      honours: doc.honours ?? [],
      source: source(doc, h),
      updatedAt: doc.updatedAt,
    }),
  ),
} satisfies Record<SiteCollection, unknown>
