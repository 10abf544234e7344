/**
 * A service area in words, the one way pages, the directory and the CSV files print it:
 * 示例一村（原名 示例新村）、示例苑（又名 示例花苑） and 示例路100–188弄（双号）、示例支路（全路段）.
 */
import { lookup as t } from '../i18n/zh.ts'
import { rangeText, type Estate, type RoadRange, type ServiceArea } from './serviceArea.ts'

export function estateText(estate: Estate): string {
  const others = [
    ...estate.aliases.map((name) => `${t.aliasPrefix} ${name}`),
    ...estate.formerNames.map((name) => `${t.formerPrefix} ${name}`),
  ]
  return others.length ? `${estate.name}（${others.join('，')}）` : estate.name
}

export const roadText = (range: RoadRange) => `${range.road}${rangeText(range, t.wholeRoad)}`

export const estatesText = (area: ServiceArea) => area.estates.map(estateText).join('、')
export const roadsText = (area: ServiceArea) => area.roads.map(roadText).join('、')
