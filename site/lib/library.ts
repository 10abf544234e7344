/**
 * The case library's shared logic: where a case or project is, how cases are grouped into facets
 * (the taxonomy term pages) and how a publication is cited. Pages and components under
 * components/library read from here so a case is placed and counted the same way everywhere.
 */
import { caseStudy as t, label, valuesOf, yearMonth } from '../i18n/zh.ts'
import {
  caseStudies,
  districts,
  index,
  mechanisms,
  problemCategories,
  type CaseStudy,
  type Community,
  type District,
  type Ref,
  type Source,
  type Street,
} from './content.ts'
import { routes } from './routes.ts'

type Placed = { data: { community?: Ref; street: Ref; district: Ref } }
export type Place = { community?: Community; street?: Street; district?: District }

/**
 * Resolves a case's or project's place. Many records name only the community or only the street,
 * so the missing levels are taken from the level below; a slug the public cannot read is dropped.
 */
export async function placeResolver() {
  const [community, street, district] = await Promise.all([
    index('communities'),
    index('streets'),
    index('districts'),
  ])
  return (entry: Placed): Place => {
    const c = community(entry.data.community)
    const s = street(entry.data.street ?? c?.data.street)
    const d = district(entry.data.district ?? s?.data.district ?? c?.data.district)
    return { community: c, street: s, district: d }
  }
}

/** 漓江山水居委会，华泾镇，徐汇区: smallest place first, as bylines print it. */
export const placeNames = (place: Place) =>
  [place.community?.data.name, place.street?.data.name, place.district?.data.name]
    .filter(Boolean)
    .join('，')

export type FacetKey = 'problem' | 'mechanism' | 'district' | 'genre'
export type FacetTerm = {
  slug: string
  name: string
  description: string | null
  href: string
  cases: CaseStudy[]
}
export type Facet = { key: FacetKey; label: string; terms: FacetTerm[] }

/**
 * The four ways to browse the library, each term with its cases in book order. Every term is kept
 * (each has its page, so its URL holds even while no case uses it); navigation shows `used` terms only.
 */
export async function caseFacets(): Promise<Record<FacetKey, Facet>> {
  const [all, problems, mechs, dists, placeOf] = await Promise.all([
    caseStudies(),
    problemCategories(),
    mechanisms(),
    districts(),
    placeResolver(),
  ])
  const facet = (
    key: FacetKey,
    label: string,
    terms: Omit<FacetTerm, 'cases'>[],
    has: (c: CaseStudy, slug: string) => boolean,
  ): Facet => ({
    key,
    label,
    terms: terms.map((term) => ({ ...term, cases: all.filter((c) => has(c, term.slug)) })),
  })
  const districtOf = new Map(all.map((c) => [c.id, placeOf(c).district?.id]))
  return {
    problem: facet(
      'problem',
      t.problems,
      problems.map((p) => ({
        slug: p.id,
        name: p.data.name,
        description: p.data.description,
        href: routes.casesByProblem(p.id),
      })),
      (c, slug) => c.data.problemCategories.some((ref) => ref.id === slug),
    ),
    mechanism: facet(
      'mechanism',
      t.mechanisms,
      mechs.map((m) => ({
        slug: m.id,
        name: m.data.name,
        description: m.data.description,
        href: routes.casesByMechanism(m.id),
      })),
      (c, slug) => c.data.mechanisms.some((ref) => ref.id === slug),
    ),
    district: facet(
      'district',
      t.district,
      dists.map((d) => ({
        slug: d.id,
        name: d.data.name,
        description: null,
        href: routes.casesByDistrict(d.id),
      })),
      (c, slug) => districtOf.get(c.id) === slug,
    ),
    genre: facet(
      'genre',
      t.genre,
      valuesOf('genre').map((slug) => ({
        slug,
        name: label('genre', slug),
        description: t.genreDescription[slug] ?? null,
        href: routes.casesByGenre(slug),
      })),
      (c, slug) => c.data.genre === slug,
    ),
  }
}

/** Terms worth a link: a link to an empty list helps nobody. */
export const used = (facet: Facet) => facet.terms.filter((term) => term.cases.length > 0)

/** A case with a summary has been written up in full; the rest are catalogue records (title and citation). */
export const hasFullText = (c: CaseStudy) => c.data.summary !== null && c.data.summary.trim() !== ''

const SHORT_TITLE_MAX = 12

/**
 * A publication's title short enough for a list line: the main title before a dash, or a book's
 * title up to its volume mark — 居民自治（下）, 走向善治. A long title with neither (a journal
 * article's) is cut, since the case page prints the citation in full.
 */
export function shortTitle(source: Source): string {
  const title = source.data.title
  const dash = title.indexOf('——')
  if (dash > 0) return title.slice(0, dash)
  const volume = title.indexOf('）')
  if (volume > 0 && volume < title.length - 1) return title.slice(0, volume + 1)
  return title.length > SHORT_TITLE_MAX ? `${title.slice(0, SHORT_TITLE_MAX - 1)}…` : title
}

/** 2017-01 → 2017年1月; 2018 → 2018年 */
export function publishedLabel(published: string | null): string | null {
  if (!published) return null
  const [year, month] = published.split('-').map(Number)
  return yearMonth(year, month)
}

/** Books take 《》; articles and news features are quoted, as Chinese citations do. */
export const citedTitle = (source: Source, title = source.data.title) =>
  source.data.kind === 'book' ? `《${title}》` : `“${title}”`

/** 172 cases on one page is a long scroll on a phone; 30 keeps each page to a few screens. */
export const CASES_PER_PAGE = 30

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / CASES_PER_PAGE))

export const casesOnPage = <T>(all: T[], page: number) =>
  all.slice((page - 1) * CASES_PER_PAGE, page * CASES_PER_PAGE)

/** Districts in reading order: the cities as cms/labels.ts lists them, then by name within a city. */
const cityOrder = (city: District['data']['city']) => valuesOf('city').indexOf(city)
export const byCityThenName = (a: District, b: District) =>
  cityOrder(a.data.city) - cityOrder(b.data.city) || a.data.name.localeCompare(b.data.name, 'zh-CN')
