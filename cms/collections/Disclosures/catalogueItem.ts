import { ValidationError, type CollectionBeforeChangeHook, type RelationshipField } from 'payload'

import { deriveCatalogueItem } from '../../catalogue/deriveItem.ts'
import { catalogueItemOf } from '../../catalogue/facts.ts'
import { periodShape, type Period, type PeriodShape } from '../../catalogue/periods.ts'
import { CADENCE_SHAPE } from '../../catalogue/status.ts'
import {
  appliesTo,
  isPeriodic,
  type CatalogueItem,
  type PeriodicCadence,
} from '../../catalogue/types.ts'
import { CADENCE_LABELS, DISCLOSURE_CATEGORY_LABELS } from '../../labels.ts'
import { idOf, type Ref } from '../../utilities/idOf.ts'

const SHAPE_WORDS: Record<PeriodShape, string> = {
  month: '月份',
  quarter: '季度',
  half: '半年',
  year: '年份（不填半年、季度和月份）',
}

type Data = { category?: string; period?: Period; community?: Ref; catalogueItem?: Ref }

const catalogueItems = async (req: Parameters<CollectionBeforeChangeHook>[0]['req']) =>
  (
    await req.payload.find({
      collection: 'catalogue-items',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs

/**
 * The catalogue item a disclosure fulfils. An item chosen by hand must fit the disclosure: the same
 * category, a community it applies to, and (for periodic items) a period of its length.
 */
export const catalogueItemField: RelationshipField = {
  name: 'catalogueItem',
  label: '对应的公开目录事项',
  type: 'relationship',
  relationTo: 'catalogue-items',
  index: true,
  admin: {
    position: 'sidebar',
    description: '留空时，保存时按类别和所属期间自动对应（只有一项符合时）。',
  },
}

/** Why a chosen item does not fit the disclosure, or null when it does. */
function misfit(item: CatalogueItem, { category, period, community }: Data): string | null {
  if (category && item.category !== category)
    return `“${item.name}”对应“${DISCLOSURE_CATEGORY_LABELS[item.category as keyof typeof DISCLOSURE_CATEGORY_LABELS]}”类别，与本公开的类别不符。`
  const own = idOf(community)
  if (own && !appliesTo(item, own)) return `“${item.name}”不适用于本居委会。`
  if (period?.year && isPeriodic(item.cadence)) {
    const shape = CADENCE_SHAPE[item.cadence as PeriodicCadence]
    if (periodShape(period) !== shape)
      return `“${item.name}”${CADENCE_LABELS[item.cadence]}公开一次，所属期间请填写${SHAPE_WORDS[shape]}。`
  }
  return null
}

/**
 * Checks the item an editor chose against the disclosure (a hook, not a field validator, since it
 * reads the item: the seed checks files' fields before anything is stored), and fills it in from
 * category and period when left empty and exactly one item fits. Seeding stores what the files say,
 * so seed → export stays exact; the status computation derives the same item at read time.
 */
export const assignCatalogueItem: CollectionBeforeChangeHook = async ({
  context,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Data
  const community = idOf(merged.community)
  const chosen = idOf(merged.catalogueItem)
  if (!chosen && (context.seeding || !merged.category || !merged.period?.year || !community))
    return data
  const docs = await catalogueItems(req)
  const items = docs.map((doc) => catalogueItemOf(doc as never))
  if (chosen) {
    const item = items.find((i) => i.id === chosen)
    const message = item ? misfit(item, merged) : '所选的公开目录事项不存在。'
    if (message)
      throw new ValidationError({
        collection: 'disclosures',
        errors: [{ path: 'catalogueItem', message }],
      })
    return data
  }
  const derived = deriveCatalogueItem(
    { category: merged.category!, period: merged.period!, community: community! },
    items,
  )
  const doc = derived && docs.find((d) => String(d.id) === derived.id)
  return doc ? { ...data, catalogueItem: doc.id } : data
}
