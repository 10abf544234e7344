/**
 * How each open-data file (registry.ts) is made from the published content; the endpoints under
 * /kaifang-shuju/ and /shequ/<slug>/ call these.
 */
import { label, openData as t } from '../i18n/zh.ts'
import {
  brandProjects,
  caseStudies,
  communities,
  index,
  type Community,
  type Disclosure,
  type Notice,
} from '../lib/content.ts'
import { toCsv } from '../lib/csv.ts'
import { hasFullText, placeResolver, type Place } from '../lib/library.ts'
import { routes } from '../lib/routes.ts'
import { estatesText, roadsText } from '../lookup/serviceAreaText.ts'
import {
  activities,
  communityCsvRows,
  csvTable,
  disclosureRecord,
  figures,
  fileMeta,
  honours,
  noticeRecord,
  office,
  sourceRecord,
  yearMonth,
  type Absolute,
  type Ref,
} from './records.ts'
import { schemaOf } from './registry.ts'
import { casesCsvColumns, communitiesCsvColumns, communityCsvColumns } from './schemas.ts'

export type Site = { absolute: Absolute }
const meta = (site: Site, schema: string, updatedAts: string[]) =>
  fileMeta(
    schemaOf(schema).title,
    updatedAts,
    site.absolute(routes.openDataSchema(schema)),
    site.absolute(routes.openData()),
  )
const ref = (entry: { id: string; data: { name: string } } | undefined): Ref =>
  entry ? { slug: entry.id, name: entry.data.name } : null
const placeRefs = (place: Place) => ({
  community: ref(place.community),
  street: ref(place.street),
  district: ref(place.district),
})

/** What a committee's files hold: the committee, its notices and its disclosures, newest first. */
export type CommunityContent = {
  community: Community
  notices: Notice[]
  disclosures: Disclosure[]
}

/** A committee's data.json. */
export function communityData({ community, notices, disclosures }: CommunityContent, site: Site) {
  const slug = community.id
  return {
    meta: meta(
      site,
      'community-data',
      [community, ...notices, ...disclosures].map((entry) => entry.data.updatedAt),
    ),
    community: {
      slug,
      name: community.data.name,
      url: site.absolute(routes.community(slug)),
      demo: community.data.demo,
    },
    notices: notices.map((n) =>
      noticeRecord(n, site.absolute(routes.notice(slug, n.id)), site.absolute),
    ),
    disclosures: disclosures.map((d) =>
      disclosureRecord(d, site.absolute(routes.disclosure(slug, d.id)), site.absolute),
    ),
  }
}

/** A committee's data.csv. */
export function communityCsv(
  { community, notices, disclosures }: CommunityContent,
  site: Site,
): string {
  const slug = community.id
  const rows = communityCsvRows(
    notices.map((entry) => ({ entry, url: site.absolute(routes.notice(slug, entry.id)) })),
    disclosures.map((entry) => ({ entry, url: site.absolute(routes.disclosure(slug, entry.id)) })),
  )
  return toCsv(csvTable(communityCsvColumns, rows))
}

async function caseRecords(site: Site) {
  const [cases, placeOf, source, problem, mechanism, project] = await Promise.all([
    caseStudies(),
    placeResolver(),
    index('sources'),
    index('problemCategories'),
    index('mechanisms'),
    index('brandProjects'),
  ])
  return cases.map((c) => ({
    slug: c.id,
    url: site.absolute(routes.caseStudy(c.id)),
    title: c.data.title,
    genre: c.data.genre,
    genreLabel: label('genre', c.data.genre),
    ...placeRefs(placeOf(c)),
    problemCategories: c.data.problemCategories
      .map((s) => ref(problem(s)))
      .filter((r) => r !== null),
    mechanisms: c.data.mechanisms.map((s) => ref(mechanism(s))).filter((r) => r !== null),
    year: c.data.year,
    summary: c.data.summary,
    hasFullText: hasFullText(c),
    commentator: c.data.commentator,
    figures: figures(c.data.figures),
    brandProject: ref(c.data.brandProject ? project(c.data.brandProject) : undefined),
    source: sourceRecord(
      c.data.source,
      c.data.source.publication ? source(c.data.source.publication) : undefined,
      c.data.title,
    ),
    updatedAt: c.data.updatedAt,
  }))
}

async function communityRecords(site: Site) {
  const [all, placeOf] = await Promise.all([communities(), placeResolver()])
  return all.map((c) => {
    const place = placeOf({ data: { community: c.id, street: null, district: null } })
    return {
      slug: c.id,
      url: site.absolute(routes.community(c.id)),
      name: c.data.name,
      kind: c.data.kind,
      kindLabel: label('communityKind', c.data.kind),
      street: ref(place.street),
      district: ref(place.district),
      city: place.district ? label('city', place.district.data.city) : null,
      types: c.data.types,
      households: c.data.figures.households ?? null,
      residents: c.data.figures.residents ?? null,
      areaM2: c.data.figures.areaM2 ?? null,
      founded: yearMonth(c.data.figures.founded),
      office: office(c.data.office),
      serviceArea: c.data.serviceArea,
      demo: c.data.demo,
      files: {
        dataJson: site.absolute(routes.communityData(c.id)),
        dataCsv: site.absolute(routes.communityDataCsv(c.id)),
        calendar: site.absolute(routes.communityCalendar(c.id)),
        feed: site.absolute(routes.communityRss(c.id)),
      },
    }
  })
}

const joined = (refs: Ref[]) => refs.map((r) => r?.name).join('、')

/** The body of a city-wide file. */
export async function cityFile(file: string, site: Site): Promise<string> {
  switch (file) {
    case 'cases.json': {
      const cases = await caseRecords(site)
      return JSON.stringify({
        meta: meta(
          site,
          'cases',
          cases.map((c) => c.updatedAt),
        ),
        cases,
      })
    }
    case 'cases.csv':
      return toCsv(
        csvTable(
          casesCsvColumns,
          (await caseRecords(site)).map((c) => ({
            slug: c.slug,
            title: c.title,
            genre: c.genreLabel,
            community: c.community?.name,
            street: c.street?.name,
            district: c.district?.name,
            year: c.year,
            problems: joined(c.problemCategories),
            mechanisms: joined(c.mechanisms),
            summary: c.summary,
            publication: c.source.publication?.title,
            chapter: c.source.chapter,
            page: c.source.page,
            citation: c.source.citation,
            url: c.url,
          })),
        ),
      )
    case 'brand-projects.json': {
      const [projects, placeOf, source] = await Promise.all([
        brandProjects(),
        placeResolver(),
        index('sources'),
      ])
      return JSON.stringify({
        meta: meta(
          site,
          'brand-projects',
          projects.map((p) => p.data.updatedAt),
        ),
        projects: projects.map((p) => ({
          slug: p.id,
          url: site.absolute(routes.brandProject(p.id)),
          name: p.data.name,
          ...placeRefs(placeOf(p)),
          slogan: p.data.slogan,
          founded: yearMonth(p.data.founded),
          summary: p.data.summary,
          activities: activities(p.data.activities),
          honours: honours(p.data.honours),
          figures: figures(p.data.figures),
          source: sourceRecord(
            p.data.source,
            p.data.source.publication ? source(p.data.source.publication) : undefined,
            null,
          ),
          updatedAt: p.data.updatedAt,
        })),
      })
    }
    case 'communities.json':
      return JSON.stringify({
        meta: meta(
          site,
          'communities',
          (await communities()).map((c) => c.data.updatedAt),
        ),
        communities: await communityRecords(site),
      })
    case 'communities.csv':
      return toCsv(
        csvTable(
          communitiesCsvColumns,
          (await communityRecords(site)).map((c) => ({
            slug: c.slug,
            name: c.name,
            communityKind: c.kindLabel,
            street: c.street?.name,
            district: c.district?.name,
            city: c.city,
            households: c.households,
            residents: c.residents,
            estates: estatesText(c.serviceArea),
            roads: roadsText(c.serviceArea),
            address: c.office.address,
            dutyHours: c.office.dutyHours,
            phone: c.office.phone,
            demo: c.demo ? t.yes : t.no,
            url: c.url,
          })),
        ),
      )
  }
  throw new Error(`open data: no file ${file}`)
}
