/**
 * A committee's service area (辖区) as residents describe where they live: the estates (小区) it
 * covers, under their current name, other names and former names, and the roads whose house or lane
 * numbers it covers. Shared by the lookup index builder, the matcher that runs in the browser and the
 * pages that print a service area, so all three read a range the same way.
 */
import { NUMBER_UNIT_LABELS, PARITY_LABELS } from '../../cms/labels.ts'

/** Which numbers of a range belong to it: both sides of the road, or one side only. */
export type Parity = keyof typeof PARITY_LABELS
/** 号 (a house number on the road) or 弄 (a lane off the road, with its own houses). */
export type NumberUnit = keyof typeof NUMBER_UNIT_LABELS

export type Estate = { name: string; aliases: string[]; formerNames: string[] }

/** One stretch of a road, `from` to `to` inclusive; both null means the whole road (numbers not known). */
export type RoadRange = {
  road: string
  from: number | null
  to: number | null
  parity: Parity
  unit: NumberUnit
}

export type ServiceArea = { estates: Estate[]; roads: RoadRange[] }

/** True when `n` (with the unit the resident typed, if any) lies in the range. */
export function rangeCovers(range: RoadRange, n: number, unit: NumberUnit | null): boolean {
  if (range.from === null || range.to === null) return true
  if (unit && unit !== range.unit) return false
  if (n < range.from || n > range.to) return false
  if (range.parity === 'odd') return n % 2 === 1
  if (range.parity === 'even') return n % 2 === 0
  return true
}

/** A range's numbers with no road name: 100–188弄（双号）, or `wholeRoad` for the whole road. */
export function rangeText(range: RoadRange, wholeRoad: string): string {
  const unit = NUMBER_UNIT_LABELS[range.unit]
  const side = range.parity === 'all' ? '' : `（${PARITY_LABELS[range.parity]}）`
  if (range.from === null || range.to === null) return wholeRoad
  if (range.from === range.to) return `${range.from}${unit}`
  return `${range.from}–${range.to}${unit}${side}`
}
