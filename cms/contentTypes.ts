/**
 * The public content types: every collection the public site is built from, with what each needs
 * around its fields (which its collection config describes): its folder in content/, its
 * collection on the site, its page and its type in search. The seed's load order, the site digest,
 * the loader's `populate`, draft previews and the site's content collections all read this list.
 */
import type { CollectionSlug } from 'payload'

import { routes } from '../site/lib/routes.ts'

/** A document as the loader and previews fetch it: relations populated with their slugs. */
export type LinkedDoc = { slug?: string | null; community?: unknown }

type ContentType = {
  collection: CollectionSlug
  /** content/<folder>/. The list's order is the load order: a type after those it refers to. */
  folder: string
  /**
   * Its collection on the site (site/content.config.ts), whose entries other entries refer to by
   * slug. A type without one (media) is fetched embedded in the documents that use it.
   */
  site?: string
  /** The fields fetched of it where another document refers to it. */
  shown: Record<string, true>
  /** The public page of one document, or null when it has none (yet). */
  page?: (doc: LinkedDoc) => string | null
  /** Its type in search (the `type` filter), for types whose pages are indexed. */
  search?: string
}

const slug = { slug: true } as const
const communitySlug = (doc: LinkedDoc) =>
  (doc.community as { slug?: string } | null | undefined)?.slug

export const CONTENT_TYPES = [
  { collection: 'sources', folder: 'sources', site: 'sources', shown: slug },
  { collection: 'districts', folder: 'districts', site: 'districts', shown: slug },
  { collection: 'streets', folder: 'streets', site: 'streets', shown: slug },
  {
    collection: 'problem-categories',
    folder: 'problem-categories',
    site: 'problemCategories',
    shown: slug,
  },
  { collection: 'mechanisms', folder: 'mechanisms', site: 'mechanisms', shown: slug },
  {
    collection: 'communities',
    folder: 'communities',
    site: 'communities',
    shown: slug,
    page: (doc) => (doc.slug ? routes.community(doc.slug) : null),
    search: 'community',
  },
  {
    collection: 'media',
    folder: 'media',
    shown: {
      filename: true,
      mimeType: true,
      filesize: true,
      width: true,
      height: true,
      alt: true,
      url: true,
    },
  },
  // The 公开目录; its page is each community's (routes.disclosureCatalogue), not one per item.
  { collection: 'catalogue-items', folder: 'catalogue-items', site: 'catalogueItems', shown: slug },
  {
    collection: 'brand-projects',
    folder: 'brand-projects',
    site: 'brandProjects',
    shown: slug,
    page: (doc) => (doc.slug ? routes.brandProject(doc.slug) : null),
    search: 'brandProject',
  },
  {
    collection: 'case-studies',
    folder: 'case-studies',
    site: 'caseStudies',
    shown: slug,
    page: (doc) => (doc.slug ? routes.caseStudy(doc.slug) : null),
    search: 'caseStudy',
  },
  {
    collection: 'notices',
    folder: 'notices',
    site: 'notices',
    shown: slug,
    page: (doc) => {
      const community = communitySlug(doc)
      return community && doc.slug ? routes.notice(community, doc.slug) : null
    },
    search: 'notice',
  },
  {
    collection: 'disclosures',
    folder: 'disclosures',
    site: 'disclosures',
    shown: slug,
    page: (doc) => {
      const community = communitySlug(doc)
      return community && doc.slug ? routes.disclosure(community, doc.slug) : null
    },
    search: 'disclosure',
  },
] as const satisfies readonly ContentType[]

export type PublicType = (typeof CONTENT_TYPES)[number]
/** The site's content collections, by the name Astro knows them. */
export type SiteCollection = Extract<PublicType, { site: string }>['site']
/** The types of indexed pages, by the name the search filter uses. */
export type SearchType = Extract<PublicType, { search: string }>['search']

export const contentType = (collection: string): PublicType | undefined =>
  CONTENT_TYPES.find((type) => type.collection === collection)

/** What the site fetches of related documents, keyed by collection (Payload's `populate`). */
export const populate = Object.fromEntries(
  CONTENT_TYPES.map((type) => [type.collection, type.shown]),
) as Partial<Record<CollectionSlug, Record<string, true>>>
