/**
 * Builds the 找我的居委会 lookup index (its format: lookupFormat.ts): every published committee with
 * the names a resident may type for where they live (its estates, their other and former names, its
 * own name, its roads with their number ranges), written once per build as one small JSON file and
 * searched in the browser by `matchAddress.ts`.
 *
 * Readings come from pinyin-pro here (far too large to ship): each character's reading is written once
 * in a table, and only the names whose reading in context differs (长乐: chang le) carry their own.
 */
import { pinyin } from 'pinyin-pro'

import {
  CODE_BASE,
  defaultSlug,
  MAX_CODES,
  lookupText,
  nameStem,
  PARITIES,
  readingOf,
  UNITS,
  type LookupIndex,
} from './lookupFormat.ts'
import type { RoadRange, ServiceArea } from './serviceArea.ts'

export type LookupCommunity = {
  slug: string
  name: string
  /** "闵行区 古美街道", as the results print the committee's place (may be empty). */
  place: string
  area: ServiceArea
}

const reading = (text: string) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map((s) =>
    s.toLowerCase(),
  )

export function buildLookupIndex(communities: LookupCommunity[]): LookupIndex {
  const places: string[] = []
  const placeNumber = new Map<string, number>()
  const placeOf = (place: string) => {
    if (!placeNumber.has(place)) placeNumber.set(place, places.push(place) - 1)
    return placeNumber.get(place)!
  }

  // Each name's reading in context, and how often each character is read each way.
  const names = new Map<string, string[]>()
  const counts = new Map<string, Map<string, number>>()
  const note = (raw: string) => {
    const text = lookupText(raw)
    if (!text || names.has(text)) return text
    const syllables = reading(text)
    names.set(text, syllables)
    const tokens = text.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? []
    tokens.forEach((token, i) => {
      if (!/\p{Script=Han}/u.test(token) || !syllables[i]) return
      const byReading = counts.get(token) ?? new Map<string, number>()
      byReading.set(syllables[i], (byReading.get(syllables[i]) ?? 0) + 1)
      counts.set(token, byReading)
    })
    return text
  }

  const rows = communities.map((community) => {
    const name = note(community.name)
    const estates = community.area.estates
      .map((estate) =>
        [
          note(estate.name),
          ...estate.aliases.map((alias) => `=${note(alias)}`),
          ...estate.formerNames.map((former) => `^${note(former)}`),
        ].join(''),
      )
      .join(';')
    const byRoad = new Map<string, RoadRange[]>()
    for (const range of community.area.roads) {
      const road = note(range.road)
      byRoad.set(road, [...(byRoad.get(road) ?? []), range])
    }
    const roads = [...byRoad].map(([road, ranges]) => roadText(road, ranges)).join(';')
    return { slug: community.slug, name, place: placeOf(community.place), estates, roads }
  })

  // The table gives each character its most frequent reading; names read otherwise carry their own.
  const table = new Map<string, string>()
  for (const [char, byReading] of counts)
    table.set(char, [...byReading].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0])
  const alt: Record<string, string> = {}
  for (const [text, syllables] of names) {
    const derived = readingOf(text, table, {}).syllables
    if (derived.join(' ') !== syllables.join(' ')) alt[text] = syllables.join(' ')
  }
  const groups = new Map<string, string>()
  for (const [char, syllable] of table) groups.set(syllable, (groups.get(syllable) ?? '') + char)

  const packed = rows.map(({ slug, name, place, estates, roads }, i) => {
    const derived = defaultSlug(readingOf(name, table, alt).syllables)
    const stem = nameStem(estates.split(/[;=^]/)[0])
    return [
      slug === derived ? '' : slug,
      stem && name.startsWith(stem) ? `*${name.slice(stem.length)}` : name,
      i > 0 && rows[i - 1].place === place ? '' : place,
      estates,
      roads,
    ].join('|')
  })

  // The most frequent characters get two-byte codes (lookupFormat.ts).
  const frequency = new Map<string, number>()
  for (const row of packed)
    for (const char of row.match(/\p{Script=Han}/gu) ?? [])
      frequency.set(char, (frequency.get(char) ?? 0) + 1)
  const chars = [...frequency]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CODES)
    .map(([char]) => char)
  const code = new Map(chars.map((char, i) => [char, String.fromCharCode(CODE_BASE + i)]))

  return {
    v: 1,
    pinyin: [...groups].map(([syllable, chars]) => syllable + chars).join('|'),
    alt,
    places,
    chars: chars.join(''),
    c: packed.map((row) => row.replace(/\p{Script=Han}/gu, (char) => code.get(char) ?? char)),
  }
}

/** A road's ranges (a road with no numbers stands for the whole road). */
function roadText(road: string, ranges: RoadRange[]): string {
  const numbered = ranges.filter((range) => range.from !== null && range.to !== null)
  if (numbered.length < ranges.length) return road
  const text = numbered.map((range) => {
    const flags = PARITIES.indexOf(range.parity) * 2 + UNITS.indexOf(range.unit)
    return [range.from, range.to, ...(flags ? [flags] : [])].join(' ')
  })
  return `${road} ${text.join(',')}`
}
