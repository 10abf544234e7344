/**
 * The site's content: published documents read from Payload by `payloadLoader`. Each schema says what a
 * page may rely on; relationships are stored as slugs. Drafts never arrive here: the loader asks the
 * CMS as an anonymous visitor.
 */
import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'

import { populate, type SiteCollection } from '../cms/contentTypes.ts'
import { valuesOf } from '../cms/labels.ts'
import { payloadLoader, type TransformHelpers } from './loaders/payloadLoader.ts'
import type { PayloadDoc } from './loaders/payloadSource.ts'

const slug = z.string().nullable()
const date = z.string().nullable() // ISO instant

const mediaAsset = z.object({
  filename: z.string(),
  mimeType: z.string(),
  filesize: z.number(),
  width: z.number().optional(),
  height: z.number().optional(),
  alt: z.string(),
  isImage: z.boolean(),
  url: z.string(),
})

const figure = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
})
const citation = z.object({
  publication: slug,
  chapter: z.string().nullable(),
  page: z.number().nullable(),
})
const yearMonth = z.object({ year: z.number().nullable(), month: z.number().nullable() })

const loader = (
  collection: string,
  transform: (
    doc: any,
    h: TransformHelpers,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>,
) =>
  payloadLoader({
    collection,
    depth: 1,
    populate,
    transform: transform as (doc: PayloadDoc, h: TransformHelpers) => Record<string, unknown>,
  })

const attachments = async (refs: unknown, h: TransformHelpers) =>
  (await Promise.all((Array.isArray(refs) ? refs : []).map((ref) => h.media(ref)))).filter(Boolean)

const figures = (doc: any) =>
  (doc.figures ?? []).map((f: any) => ({
    label: f.label,
    value: f.value,
    unit: f.unit ?? null,
    period: f.period ?? null,
  }))

const source = (doc: any, h: TransformHelpers) => ({
  publication: h.slug(doc.source?.publication),
  chapter: doc.source?.chapter ?? null,
  page: doc.source?.page ?? null,
})

export const collections = {
  districts: defineCollection({
    loader: loader('districts', (doc) => ({ name: doc.name, city: doc.city })),
    schema: z.object({ name: z.string(), city: z.enum(valuesOf('city')) }),
  }),
  streets: defineCollection({
    loader: loader('streets', (doc, h) => ({
      name: doc.name,
      kind: doc.kind,
      district: h.slug(doc.district),
    })),
    schema: z.object({ name: z.string(), kind: z.string(), district: slug }),
  }),
  sources: defineCollection({
    loader: loader('sources', (doc) => ({
      title: doc.title,
      kind: doc.kind,
      editors: doc.editors ?? [],
      publisher: doc.publisher ?? null,
      published: doc.published ?? null,
      isbn: doc.isbn ?? null,
    })),
    schema: z.object({
      title: z.string(),
      kind: z.string(),
      editors: z.array(z.string()),
      publisher: z.string().nullable(),
      published: z.string().nullable(),
      isbn: z.string().nullable(),
    }),
  }),
  problemCategories: defineCollection({
    loader: loader('problem-categories', (doc) => ({
      name: doc.name,
      description: doc.description ?? null,
    })),
    schema: z.object({ name: z.string(), description: z.string().nullable() }),
  }),
  mechanisms: defineCollection({
    loader: loader('mechanisms', (doc) => ({
      name: doc.name,
      description: doc.description ?? null,
    })),
    schema: z.object({ name: z.string(), description: z.string().nullable() }),
  }),
  communities: defineCollection({
    loader: loader('communities', async (doc, h) => ({
      name: doc.name,
      kind: doc.kind,
      street: h.slug(doc.street),
      district: h.slug(doc.district),
      types: doc.types ?? [],
      households: doc.figures?.households ?? null,
      residents: doc.figures?.residents ?? null,
      areaM2: doc.figures?.areaM2 ?? null,
      founded: {
        year: doc.figures?.founded?.year ?? null,
        month: doc.figures?.founded?.month ?? null,
      },
      introductionHtml: h.html(doc.introduction),
      office: { address: doc.office?.address ?? null, dutyHours: doc.office?.dutyHours ?? null },
      cover: await h.media(doc.cover),
      demo: Boolean(doc.demo),
      sources: h.slugs(doc.sources),
    })),
    schema: z.object({
      name: z.string(),
      kind: z.string(),
      street: slug,
      district: slug,
      types: z.array(z.string()),
      households: z.number().nullable(),
      residents: z.number().nullable(),
      areaM2: z.number().nullable(),
      founded: yearMonth,
      introductionHtml: z.string(),
      office: z.object({ address: z.string().nullable(), dutyHours: z.string().nullable() }),
      cover: mediaAsset.nullable(),
      demo: z.boolean(),
      sources: z.array(z.string()),
    }),
  }),
  notices: defineCollection({
    loader: loader('notices', async (doc, h) => ({
      title: doc.title,
      community: h.slug(doc.community),
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
    })),
    schema: z.object({
      title: z.string(),
      community: z.string(),
      kind: z.string(),
      summary: z.string().nullable(),
      meeting: z.object({ startsAt: z.string(), endsAt: date, place: z.string() }).nullable(),
      validUntil: date,
      pinned: z.boolean(),
      bodyHtml: z.string(),
      attachments: z.array(mediaAsset),
      publishedAt: z.string(),
      updatedAt: z.string(),
    }),
  }),
  disclosures: defineCollection({
    loader: loader('disclosures', async (doc, h) => ({
      title: doc.title,
      community: h.slug(doc.community),
      category: doc.category,
      period: {
        year: doc.period?.year,
        quarter: doc.period?.quarter ?? null,
        month: doc.period?.month ?? null,
      },
      summary: doc.summary ?? null,
      bodyHtml: h.html(doc.body),
      lineItems: (doc.lineItems ?? []).map((item: any) => ({
        item: item.item,
        direction: item.direction,
        amount: item.amount,
        note: item.note ?? null,
      })),
      totals: doc.lineItems?.length ? doc.totals : null,
      attachments: await attachments(doc.attachments, h),
      relatedNotice: h.slug(doc.relatedNotice),
      corrections: (doc.corrections ?? []).map((c: any) => ({ date: c.date, note: c.note })),
      publishedAt: doc.publishedAt ?? doc.createdAt,
      updatedAt: doc.updatedAt,
    })),
    schema: z.object({
      title: z.string(),
      community: z.string(),
      category: z.string(),
      period: z.object({
        year: z.number(),
        quarter: z.number().nullable(),
        month: z.number().nullable(),
      }),
      summary: z.string().nullable(),
      bodyHtml: z.string(),
      lineItems: z.array(
        z.object({
          item: z.string(),
          direction: z.enum(['income', 'expense']),
          amount: z.number(),
          note: z.string().nullable(),
        }),
      ),
      totals: z.object({ income: z.number(), expense: z.number(), balance: z.number() }).nullable(),
      attachments: z.array(mediaAsset),
      relatedNotice: slug,
      /** The correction log (更正记录): one entry per change published after the first publication. */
      corrections: z.array(z.object({ date: z.string(), note: z.string() })),
      publishedAt: z.string(),
      updatedAt: z.string(),
    }),
  }),
  caseStudies: defineCollection({
    loader: loader('case-studies', (doc, h) => ({
      title: doc.title,
      genre: doc.genre,
      community: h.slug(doc.community),
      street: h.slug(doc.street),
      district: h.slug(doc.district),
      problemCategories: h.slugs(doc.problemCategories),
      mechanisms: h.slugs(doc.mechanisms),
      year: doc.year ?? null,
      summary: doc.summary ?? null,
      sections: Object.fromEntries(
        valuesOf('caseSection').map((key) => [key, h.html(doc.sections?.[key])]),
      ),
      commentator: doc.commentator ?? null,
      figures: figures(doc),
      source: source(doc, h),
      brandProject: h.slug(doc.brandProject),
      updatedAt: doc.updatedAt,
    })),
    schema: z.object({
      title: z.string(),
      genre: z.string(),
      community: slug,
      street: slug,
      district: slug,
      problemCategories: z.array(z.string()),
      mechanisms: z.array(z.string()),
      year: z.number().nullable(),
      summary: z.string().nullable(),
      sections: z.record(z.enum(valuesOf('caseSection')), z.string()),
      commentator: z.string().nullable(),
      figures: z.array(figure),
      source: citation,
      brandProject: slug,
      updatedAt: z.string(),
    }),
  }),
  brandProjects: defineCollection({
    loader: loader('brand-projects', (doc, h) => ({
      name: doc.name,
      community: h.slug(doc.community),
      street: h.slug(doc.street),
      district: h.slug(doc.district),
      slogan: doc.slogan ?? null,
      founded: { year: doc.founded?.year ?? null, month: doc.founded?.month ?? null },
      summary: doc.summary ?? null,
      bodyHtml: h.html(doc.body),
      figures: figures(doc),
      activities: (doc.activities ?? []).map((a: any) => ({
        name: a.name,
        description: a.description ?? null,
      })),
      honours: (doc.honours ?? []).map((a: any) => ({ title: a.title, year: a.year ?? null })),
      source: source(doc, h),
      updatedAt: doc.updatedAt,
    })),
    schema: z.object({
      name: z.string(),
      community: slug,
      street: slug,
      district: slug,
      slogan: z.string().nullable(),
      founded: yearMonth,
      summary: z.string().nullable(),
      bodyHtml: z.string(),
      figures: z.array(figure),
      activities: z.array(z.object({ name: z.string(), description: z.string().nullable() })),
      honours: z.array(z.object({ title: z.string(), year: z.number().nullable() })),
      source: citation,
      updatedAt: z.string(),
    }),
  }),
} satisfies Record<SiteCollection, unknown>
