import type { CollectionSlug, Payload } from 'payload'

type Doc = Record<string, unknown> & { id: string | number }

/**
 * A small world of two real-looking communities on two streets, created through the Local API:
 * enough to check every scoping rule both ways without the corpus.
 */
export async function createTwoCommunities(payload: Payload) {
  const create = async (collection: CollectionSlug, data: Record<string, unknown>) =>
    (await payload.create({
      collection,
      data: data as never,
      overrideAccess: true,
      draft: false,
    })) as unknown as Doc
  const district = await create('districts', { name: '测试区', slug: 'ceshi-qu', city: 'shanghai' })
  const streetA = await create('streets', {
    name: '甲街道',
    slug: 'jia-jiedao',
    kind: 'street',
    district: district.id,
  })
  const streetB = await create('streets', {
    name: '乙街道',
    slug: 'yi-jiedao',
    kind: 'street',
    district: district.id,
  })
  const community = (name: string, slug: string, street: Doc) =>
    create('communities', {
      name,
      slug,
      kind: 'residents-committee',
      street: street.id,
      district: district.id,
      _status: 'published',
    })
  const communityA = await community('甲居委会', 'jia', streetA)
  const communityB = await community('乙居委会', 'yi', streetB)
  const source = await create('sources', { title: '测试文献', slug: 'ceshi-wenxian', kind: 'book' })
  return { district, streetA, streetB, communityA, communityB, source, create }
}

/** Minimal valid data for a new document of each community-owned collection. */
export function sampleData(
  collection: string,
  {
    community,
    source,
    slug,
    status = 'published',
  }: {
    community: string | number
    source: string | number
    slug: string
    status?: 'draft' | 'published'
  },
) {
  const common = { slug, community, _status: status }
  switch (collection) {
    case 'notices':
      return { ...common, title: `通知 ${slug}`, kind: 'activity' }
    case 'disclosures':
      return { ...common, title: `公开 ${slug}`, category: 'resolution', period: { year: 2026 } }
    case 'brand-projects':
      return { ...common, name: `项目 ${slug}` }
    case 'case-studies':
      return {
        ...common,
        title: `案例 ${slug}`,
        genre: 'grassroots',
        source: { publication: source },
      }
    default:
      throw new Error(`no sample data for ${collection}`)
  }
}
