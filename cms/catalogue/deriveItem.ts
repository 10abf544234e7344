/**
 * Which catalogue item a disclosure fulfils when its editor has not said: the one item for its
 * community with the same category whose cadence fits the disclosure's period (a quarter for a
 * quarterly item …); failing that, the one after-event or any-time item of that category. When two
 * items fit, nothing is guessed: the editor chooses.
 */
import { periodShape, type Period } from './periods.ts'
import { CADENCE_SHAPE } from './status.ts'
import { appliesTo, isPeriodic, type CatalogueItem, type PeriodicCadence } from './types.ts'

export function deriveCatalogueItem(
  disclosure: { category: string; period: Period; community: string },
  items: CatalogueItem[],
): CatalogueItem | null {
  const candidates = items.filter(
    (item) => item.category === disclosure.category && appliesTo(item, disclosure.community),
  )
  const shape = periodShape(disclosure.period)
  const periodic = candidates.filter(
    (item) => isPeriodic(item.cadence) && CADENCE_SHAPE[item.cadence as PeriodicCadence] === shape,
  )
  if (periodic.length > 0) return periodic.length === 1 ? periodic[0] : null
  const other = candidates.filter((item) => !isPeriodic(item.cadence))
  return other.length === 1 ? other[0] : null
}

/** The item a disclosure counts for: the one it names, else the one derived, else none. */
export const effectiveCatalogueItem = (
  disclosure: {
    category: string
    period: Period
    community: string
    catalogueItem?: string | null
  },
  items: CatalogueItem[],
): string | null => disclosure.catalogueItem ?? deriveCatalogueItem(disclosure, items)?.id ?? null
