/**
 * Payload documents (depth 0) as the plain facts the catalogue logic reads, with IDs as strings.
 * The site builds the same facts from its content layer, keyed by slug.
 */
import { idOf, type Ref } from '../utilities/idOf.ts'
import type { CatalogueItem, DisclosureFact, MeetingFact } from './types.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of several collections
type Doc = Record<string, any> & { id: string | number }

export const catalogueItemOf = (doc: Doc): CatalogueItem => ({
  id: String(doc.id),
  name: doc.name,
  category: doc.category,
  cadence: doc.cadence,
  dueDays: doc.dueDays ?? null,
  dueFrom: doc.dueFrom ?? null,
  eventKeywords: doc.eventKeywords ?? null,
  appliesTo: doc.appliesTo ?? 'all',
  communities: ((doc.communities ?? []) as Ref[]).map(idOf).filter((id) => id !== null),
})

export const disclosureFactOf = (doc: Doc): DisclosureFact => ({
  id: String(doc.id),
  title: doc.title,
  category: doc.category,
  period: {
    year: doc.period?.year,
    half: doc.period?.half ?? null,
    quarter: doc.period?.quarter ?? null,
    month: doc.period?.month ?? null,
  },
  publishedAt: doc.publishedAt ?? doc.createdAt,
  catalogueItem: idOf(doc.catalogueItem),
  relatedNotice: idOf(doc.relatedNotice),
})

/** A meeting notice, or null for a notice without a meeting time. */
export const meetingFactOf = (doc: Doc): MeetingFact | null =>
  doc.kind === 'meeting' && doc.meeting?.startsAt
    ? {
        id: String(doc.id),
        title: doc.title,
        startsAt: doc.meeting.startsAt,
        endsAt: doc.meeting.endsAt ?? null,
      }
    : null
