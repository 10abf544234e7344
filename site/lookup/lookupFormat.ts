/**
 * The lookup index's file format, and reading it back. Kept apart from the builder (lookupIndex.ts,
 * which needs pinyin-pro) so the browser's matcher imports only this. The format is packed to stay
 * small at city scale (tests/lookup/ holds it to 30 KB gzipped per 1,000 committees):
 *
 * {
 *   v: 1,
 *   pinyin: "bao宝保|tong通同|…"   every Chinese character of the index once, after its pinyin, so the
 *                                  browser derives initials (btjy), whole pinyin and default slugs
 *   alt: { "长乐新村": "chang le xin cun" }   names whose reading differs from their characters' own
 *   places: ["闵行区 古美街道", …]
 *   chars: "新村园…"   the index's most frequent Chinese characters; in `c` the i-th of them is written
 *                      as the single character U+0100 + i (two bytes in UTF-8 instead of three, which
 *                      saves an eighth of the file gzipped)
 *   c: ["slug|name|place|estates|roads", …]   one string per committee:
 *      slug    empty when it is the name's pinyin (what the CMS makes by default)
 *      name    `*` stands for the first estate's name (without 小区): *居委会 is 宝通家园居委会
 *      place   a number into `places`; empty when it is the previous committee's
 *      estates `;`-separated: name, then `=other name` and `^former name` as many as it has
 *      roads   `;`-separated: a road, then its ranges, each ` from to` and, unless it is every number
 *              in 号, ` flags` (parity × 2 + unit: parity 0 all / 1 odd / 2 even; unit 0 号 / 1 弄),
 *              ranges after the first joined by `,`; a road alone is the whole road
 * }
 * Names are stored as `lookupText` gives them, so none contains a separator or a code character.
 */
import { normalizeText } from '../search/text.ts'
import type { NumberUnit, Parity, RoadRange } from './serviceArea.ts'

export type LookupIndex = {
  v: 1
  pinyin: string
  alt: Record<string, string>
  places: string[]
  chars: string
  c: string[]
}

export type NameKind = 'estate' | 'alias' | 'former'
export type IndexedName = {
  text: string
  /** Pinyin initials, Latin and digit runs kept whole: 宝通家园 → btjy. */
  initials: string
  /** Whole pinyin without separators: 宝通家园 → baotongjiayuan. */
  spelled: string
  kind: NameKind
  /** The estate's current name (itself for an estate). */
  estate: string
}
export type IndexedCommunity = {
  slug: string
  name: string
  initials: string
  spelled: string
  place: string
  names: IndexedName[]
  roads: RoadRange[]
}

export const PARITIES: Parity[] = ['all', 'odd', 'even']
export const UNITS: NumberUnit[] = ['number', 'lane']
/** As cms/hooks/formatSlug.ts cuts slugs (not imported: it would bring pinyin-pro to the browser).
 * Should the two differ, slugs are simply stored in full: a few bytes more, never a wrong link. */
export const MAX_SLUG_SYLLABLES = 8
/** Codes U+0100–U+02FF: letters and modifiers only, none of them combining. */
export const CODE_BASE = 0x100
export const MAX_CODES = 0x200

/** A name or a query as the index compares them: simplified Chinese, a–z, digits and + only. */
export const lookupText = (text: string) =>
  normalizeText(text)
    .normalize('NFKD')
    .replace(/[^\p{Script=Han}a-z0-9+]/gu, '')

const HAN = /\p{Script=Han}/u
const TOKENS = /\p{Script=Han}|[^\p{Script=Han}]+/gu

/** A name's reading, one entry per Chinese character or run of other characters. */
export function readingOf(
  text: string,
  table: Map<string, string>,
  alt: Record<string, string>,
): { syllables: string[]; han: boolean[] } {
  const tokens = text.match(TOKENS) ?? []
  const han = tokens.map((token) => HAN.test(token))
  const given = alt[text]?.split(' ')
  const syllables = given ?? tokens.map((token, i) => (han[i] ? (table.get(token) ?? '') : token))
  return { syllables, han }
}

/** The slug the CMS makes from a name by default (cms/hooks/formatSlug.ts), from its reading. */
export const defaultSlug = (syllables: string[]) =>
  syllables
    .filter(Boolean)
    .slice(0, MAX_SLUG_SYLLABLES)
    .join('-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

export function pinyinTable(packed: string): Map<string, string> {
  const table = new Map<string, string>()
  for (const group of packed.split('|')) {
    const [, syllable, chars] = /^([a-z]+)(.*)$/u.exec(group) ?? []
    if (syllable) for (const char of chars) table.set(char, syllable)
  }
  return table
}

/** The first estate's name as `*` in a committee's name stands for it. */
export const nameStem = (estate: string) => estate.replace(/小区$/, '')

export function readLookupIndex(index: LookupIndex): IndexedCommunity[] {
  if (index?.v !== 1 || !Array.isArray(index.c)) throw new Error('lookup index: unknown format')
  const table = pinyinTable(index.pinyin)
  const chars = [...index.chars]
  const decode = (row: string) =>
    row.replace(/[\u0100-\u02ff]/g, (code) => chars[code.charCodeAt(0) - CODE_BASE] ?? '')
  const spell = (text: string) => {
    const { syllables, han } = readingOf(text, table, index.alt)
    return {
      syllables,
      initials: syllables.map((s, i) => (han[i] ? s.charAt(0) : s)).join(''),
      spelled: syllables.join(''),
    }
  }
  let place = 0
  return index.c.map((row) => {
    const [slug, packedName, placeNumber, estates, roads] = decode(row).split('|')
    if (placeNumber) place = Number(placeNumber)
    const name = packedName.replace('*', nameStem(estates.split(/[;=^]/)[0]))
    const own = spell(name)
    const names = estates
      ? estates.split(';').flatMap((estate) => {
          const [current, ...others] = estate.split(/(?=[=^])/)
          return [current, ...others].map((text, i): IndexedName => {
            const kind: NameKind = i === 0 ? 'estate' : text[0] === '=' ? 'alias' : 'former'
            const plain = i === 0 ? text : text.slice(1)
            const { initials, spelled } = spell(plain)
            return { text: plain, initials, spelled, kind, estate: current }
          })
        })
      : []
    return {
      slug: slug || defaultSlug(own.syllables),
      name,
      initials: own.initials,
      spelled: own.spelled,
      place: index.places[place] ?? '',
      names,
      roads: roads ? roads.split(';').flatMap(readRoad) : [],
    }
  })
}

function readRoad(packed: string): RoadRange[] {
  const [road, ranges] = packed.split(/ (.*)/)
  if (!ranges) return [{ road, from: null, to: null, parity: 'all', unit: 'number' }]
  return ranges.split(',').map((range) => {
    const [from, to, flags = '0'] = range.split(' ')
    return {
      road,
      from: Number(from),
      to: Number(to),
      parity: PARITIES[Math.floor(Number(flags) / 2)] ?? 'all',
      unit: UNITS[Number(flags) % 2] ?? 'number',
    }
  })
}
