import { gzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { lookupText, readLookupIndex } from '../../site/lookup/lookupFormat.ts'
import { buildLookupIndex, type LookupCommunity } from '../../site/lookup/lookupIndex.ts'
import { createMatcher, type Answer } from '../../site/lookup/matchAddress.ts'
import { syntheticCommunities } from '../../site/bench/syntheticServiceAreas.ts'

/** 找我的居委会 without a browser: the index's format and size, and what the matcher answers. */
const COMMUNITIES: LookupCommunity[] = [
  {
    slug: 'shili',
    name: '示例居委会',
    place: '示例区 示例街道',
    area: {
      estates: [
        { name: '示例一村', aliases: [], formerNames: [] },
        { name: '示例苑', aliases: ['示例花苑'], formerNames: ['示例新苑'] },
      ],
      roads: [
        { road: '示例路', from: 100, to: 188, parity: 'even', unit: 'lane' },
        { road: '示例路', from: 101, to: 151, parity: 'odd', unit: 'number' },
        { road: '示例支路', from: null, to: null, parity: 'all', unit: 'number' },
      ],
    },
  },
  {
    slug: 'baotong-jiayuan',
    name: '宝通家园居委会',
    place: '闵行区 古美街道',
    area: { estates: [{ name: '宝通家园', aliases: [], formerNames: [] }], roads: [] },
  },
  {
    slug: 'lijiang-shanshui',
    name: '漓江山水居委会',
    place: '徐汇区 华泾镇',
    area: {
      estates: [{ name: '漓江山水花园', aliases: [], formerNames: [] }],
      roads: [{ road: '华泾路', from: 999, to: 999, parity: 'all', unit: 'lane' }],
    },
  },
  {
    // Default slug (the CMS's pinyin of the name); 长 read chang here and zhang in 长者之家.
    slug: 'chang-le-xin-cun-ju-wei-hui',
    name: '长乐新村居委会',
    place: '宁波市 海曙区',
    area: {
      estates: [
        { name: '长乐新村', aliases: [], formerNames: [] },
        { name: '长者之家', aliases: [], formerNames: [] },
      ],
      roads: [],
    },
  },
]

const matcher = (communities = COMMUNITIES) =>
  createMatcher(readLookupIndex(JSON.parse(JSON.stringify(buildLookupIndex(communities)))))
const match = matcher()
const slugs = (answer: Answer) =>
  answer.kind === 'names' ? answer.found.map((f) => f.community.slug) : []

describe('finding a committee by name', () => {
  it('part of an estate name finds the committee, with the estate it matched', () => {
    const answer = match('漓江')
    expect(slugs(answer)).toEqual(['lijiang-shanshui'])
    expect(answer.kind === 'names' && answer.found[0].via).toMatchObject({
      kind: 'estate',
      text: '漓江山水花园',
    })
    expect(slugs(match('山水花园'))).toEqual(['lijiang-shanshui'])
  })

  it('a name typed with more than the name (宝通家园小区) still finds it', () => {
    expect(slugs(match('宝通家园小区'))).toEqual(['baotong-jiayuan'])
  })

  it('traditional characters find simplified names', () => {
    expect(slugs(match('寶通家園'))).toEqual(['baotong-jiayuan'])
    expect(slugs(match('漓江山水花園'))).toEqual(['lijiang-shanshui'])
  })

  it('pinyin initials and whole pinyin find an estate, each character read as in its name', () => {
    expect(slugs(match('btjy'))).toEqual(['baotong-jiayuan'])
    expect(slugs(match('BTJY'))).toEqual(['baotong-jiayuan'])
    expect(slugs(match('baotong'))).toEqual(['baotong-jiayuan'])
    expect(slugs(match('clxc'))).toEqual(['chang-le-xin-cun-ju-wei-hui'])
    expect(slugs(match('zzzj'))).toEqual(['chang-le-xin-cun-ju-wei-hui'])
  })

  it('other and former names of an estate find it, saying which name matched', () => {
    const other = match('示例花苑')
    expect(other.kind === 'names' && other.found[0].via).toMatchObject({
      kind: 'alias',
      estate: '示例苑',
    })
    const former = match('示例新苑')
    expect(former.kind === 'names' && former.found[0].via).toMatchObject({
      kind: 'former',
      estate: '示例苑',
    })
  })

  it('a name nobody has finds nothing, and an empty query asks nothing', () => {
    expect(match('不存在的小区')).toMatchObject({ kind: 'names', found: [], more: 0 })
    expect(match('  ，。 ')).toEqual({ kind: 'empty' })
  })
})

describe('finding a committee by road and number', () => {
  it('a number inside a range (even lanes 100–188) answers with its committee', () => {
    const answer = match('示例路120弄')
    expect(answer).toMatchObject({ kind: 'address', road: '示例路', number: 120, unit: 'lane' })
    expect(answer.kind === 'address' && answer.inside.map((f) => f.community.slug)).toEqual([
      'shili',
    ])
  })

  it('a number on the other side of the road, or past the range, is outside every range, which are listed', () => {
    for (const query of ['示例路121弄', '示例路190弄', '示例路120号']) {
      const answer = match(query)
      expect(answer.kind, query).toBe('address')
      if (answer.kind !== 'address') continue
      expect(answer.inside, query).toEqual([])
      expect(
        answer.known.map((f) => f.via.kind === 'road' && [f.via.range.from, f.via.range.to]),
      ).toEqual([
        [100, 188],
        [101, 151],
      ])
    }
  })

  it('without 号 or 弄 either unit counts; full-width digits, spaces and traditional road names are read', () => {
    for (const query of [
      '示例路 120',
      '示例路１２０弄',
      '華涇路999弄',
      '上海市徐汇区华泾路999弄3号',
    ]) {
      const answer = match(query)
      expect(answer.kind === 'address' && answer.inside.length, query).toBe(1)
    }
    const odd = match('示例路 121')
    expect(
      odd.kind === 'address' && odd.inside.map((f) => f.via.kind === 'road' && f.via.range.unit),
    ).toEqual(['number'])
  })

  it('a road with no numbers recorded covers every number', () => {
    const answer = match('示例支路8号')
    expect(answer.kind === 'address' && answer.inside.map((f) => f.community.slug)).toEqual([
      'shili',
    ])
  })

  it('an estate and a building number (示例一村5号) is read as the estate', () => {
    expect(slugs(match('示例一村5号'))).toEqual(['shili'])
  })
})

describe('the index at city scale', () => {
  for (const count of [1_000, 10_000]) {
    it(`${count.toLocaleString('en')} committees: at most 30 KB gzipped per 1,000, every name and range read back`, () => {
      const communities = syntheticCommunities(count)
      const json = JSON.stringify(buildLookupIndex(communities))
      const gzipped = gzipSync(json).length
      console.log(
        `lookup index, ${count} committees: ${(json.length / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
      )
      expect(gzipped).toBeLessThanOrEqual(30 * 1024 * (count / 1000))

      const read = readLookupIndex(JSON.parse(json))
      expect(read.map((c) => c.slug)).toEqual(communities.map((c) => c.slug))
      read.forEach((community, i) => {
        const given = communities[i]
        expect(community.name).toBe(lookupText(given.name))
        expect(community.place).toBe(given.place)
        expect(community.names.filter((n) => n.kind === 'estate').map((n) => n.text)).toEqual(
          given.area.estates.map((e) => lookupText(e.name)),
        )
        expect(community.roads.length).toBe(given.area.roads.length)
      })

      // A sample of committees is found by an estate's name, its initials, and a number in a range.
      const find = createMatcher(read)
      for (let i = 0; i < count; i += Math.floor(count / 25)) {
        const given = communities[i]
        const estate = given.area.estates[0].name
        const byName = find(estate)
        expect(byName.kind === 'names' && byName.found.map((f) => f.community.slug)).toContain(
          given.slug,
        )
        const range = given.area.roads[0]
        if (range?.from) {
          const byNumber = find(`${range.road}${range.from}${range.unit === 'lane' ? '弄' : '号'}`)
          expect(
            byNumber.kind === 'address' && byNumber.inside.map((f) => f.community.slug),
          ).toContain(given.slug)
        }
      }
    })
  }
})
