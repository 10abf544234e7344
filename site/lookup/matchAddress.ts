/**
 * Finds a resident's committee from what they type: part of an estate's or road's name, a road and a
 * house or lane number, pinyin initials (btjy → 宝通家园), in simplified or traditional characters.
 * Runs in the browser over the lookup index (lookupFormat.ts); pure, so the tests run it in Node too.
 *
 * A road and number is answered plainly: the committees whose ranges cover it, or, when none does,
 * that it is outside every range this site knows, with the ranges that are known on that road.
 */
import { NUMBER_UNIT_LABELS } from '../../cms/labels.ts'
import { lookupText, type IndexedCommunity, type NameKind } from './lookupFormat.ts'
import { rangeCovers, type NumberUnit, type RoadRange } from './serviceArea.ts'

export type Via =
  | { kind: NameKind; text: string; estate: string }
  | { kind: 'community'; text: string }
  | { kind: 'road'; text: string; range: RoadRange }
export type Found = { community: IndexedCommunity; via: Via }

export type Answer =
  | { kind: 'empty' }
  /** Names matched (possibly none). */
  | { kind: 'names'; query: string; found: Found[]; more: number }
  /** A road this site knows and a number: `inside` covers it; `known` lists the road's ranges otherwise. */
  | {
      kind: 'address'
      road: string
      number: number
      unit: NumberUnit | null
      inside: Found[]
      known: Found[]
    }

const MAX_RESULTS = 20
const UNIT_OF = Object.fromEntries(
  Object.entries(NUMBER_UNIT_LABELS).map(([unit, char]) => [char, unit as NumberUnit]),
)
// A road (or anything else named in Chinese), then the first number, then 号 or 弄 if typed.
const ADDRESS = new RegExp(
  `^(.*?\\p{Script=Han}[^\\d]*?)(\\d+)(${Object.keys(UNIT_OF).join('|')})?`,
  'u',
)
const LATIN = /^(?=.*[a-z])[a-z0-9+]+$/
const KIND_WEIGHT: Record<Via['kind'], number> = {
  estate: 4,
  community: 3,
  alias: 2,
  former: 1,
  road: 0,
}

/** How well `text` answers a query in characters: whole name, start of it, part of it, or inside the query. */
function textScore(text: string, q: string): number {
  if (!text) return 0
  if (text === q) return 100
  if (text.startsWith(q)) return 80
  if (q.length >= 2 && text.length >= 2 && q.includes(text)) return 70
  if (text.includes(q)) return 60
  return 0
}

/** Pinyin: the initials (btjy) or the whole reading (baotong, baotongjiayuan), from the start. */
function pinyinScore(name: { initials: string; spelled: string }, q: string): number {
  if (q.length < 2) return 0
  if (name.initials === q || name.spelled === q) return 95
  if (name.initials.startsWith(q)) return 75
  if (q.length >= 3 && name.spelled.startsWith(q)) return 75
  return 0
}

export function createMatcher(communities: IndexedCommunity[]) {
  const rank = (found: Map<IndexedCommunity, { via: Via; score: number }>) =>
    [...found.entries()]
      .sort(
        ([a, x], [b, y]) =>
          y.score - x.score || a.name.localeCompare(b.name, 'zh-CN') || (a.slug < b.slug ? -1 : 1),
      )
      .map(([community, { via }]) => ({ community, via }))

  function matchNames(q: string): Answer {
    const best = new Map<IndexedCommunity, { via: Via; score: number }>()
    const offer = (community: IndexedCommunity, via: Via, score: number) => {
      if (score <= 0) return
      score += KIND_WEIGHT[via.kind]
      if ((best.get(community)?.score ?? 0) < score) best.set(community, { via, score })
    }
    const latin = LATIN.test(q)
    for (const community of communities) {
      for (const name of community.names) {
        const score = latin ? pinyinScore(name, q) : textScore(name.text, q)
        offer(community, { kind: name.kind, text: name.text, estate: name.estate }, score)
      }
      const own = latin ? pinyinScore(community, q) : textScore(community.name, q)
      offer(community, { kind: 'community', text: community.name }, own)
      if (!latin)
        for (const range of community.roads)
          offer(community, { kind: 'road', text: range.road, range }, textScore(range.road, q))
    }
    const found = rank(best)
    return {
      kind: 'names',
      query: q,
      found: found.slice(0, MAX_RESULTS),
      more: Math.max(0, found.length - MAX_RESULTS),
    }
  }

  /** The ranges on the road the query names: those named exactly (or ending the query) if any, else partly. */
  function roadRanges(road: string): Found[] {
    const exact: Found[] = []
    const partial: Found[] = []
    for (const community of communities)
      for (const range of community.roads) {
        const via: Via = { kind: 'road', text: range.road, range }
        if (road === range.road || road.endsWith(range.road)) exact.push({ community, via })
        else if (road.length >= 2 && (range.road.startsWith(road) || road.includes(range.road)))
          partial.push({ community, via })
      }
    return exact.length ? exact : partial
  }

  return function match(query: string): Answer {
    const q = lookupText(query)
    if (!q) return { kind: 'empty' }
    const address = ADDRESS.exec(q)
    if (address) {
      const [, road, digits, unitChar] = address
      const known = roadRanges(road)
      if (known.length) {
        const number = Number(digits)
        const unit = unitChar ? UNIT_OF[unitChar] : null
        const inside = known.filter((f) =>
          rangeCovers((f.via as { range: RoadRange }).range, number, unit),
        )
        return { kind: 'address', road, number, unit, inside, known: inside.length ? [] : known }
      }
      // Not a road this site knows: an estate and a building number (示例一村5号) is read as the estate.
      return matchNames(road)
    }
    return matchNames(q)
  }
}
