import { describe, expect, it } from 'vitest'

import {
  buildBigramIndex,
  openBigramIndex,
  type IndexedDoc,
} from '../../site/search/bigramIndex.ts'
import {
  grams,
  hasSearchableText,
  markMatches,
  normalizeText,
  toSimplified,
  words,
} from '../../site/search/text.ts'
import { parseSearch, searchString } from '../../site/search/url.ts'

/** The pieces of search that need no browser: query text, the bigram index, the URL. */
describe('query text', () => {
  it('traditional characters, full-width forms and case are normalised', () => {
    expect(toSimplified('聽證會')).toBe('听证会')
    expect(normalizeText('業委會 換屆')).toBe('业委会 换届')
    expect(normalizeText('ＡＢＣ８＋３')).toBe('abc8+3')
  })

  it('splits Chinese runs from Latin and digit words, keeping 8+3 whole and dropping punctuation', () => {
    expect(words('2026 居民代表会议')).toEqual(['2026', '居民代表会议'])
    expect(words('石化街道 8+3 错时工作制')).toEqual(['石化街道', '8+3', '错时工作制'])
    expect(words('“7+X”小区')).toEqual(['7+x', '小区'])
    expect(words('！？。，……')).toEqual([])
    expect(hasSearchableText('【】')).toBe(false)
  })

  it('cuts Chinese into overlapping pairs, so any two characters of a word can be found', () => {
    expect(grams('听证会')).toEqual(['听证', '证会'])
    expect(grams('茶')).toEqual(['茶'])
    expect(grams('8+3')).toEqual(['8+3', '8', '3'])
  })

  it('marks matches in text, escaping everything else', () => {
    expect(markMatches('关于召开听证会的通知', '听证')).toBe('关于召开<mark>听证</mark>会的通知')
    expect(markMatches('聽證會 <b>', '听证会')).toBe('<mark>聽證會</mark> &lt;b&gt;')
    expect(markMatches('小区停车管理方案', '小区停车难')).toBe('<mark>小区停车</mark>管理方案')
  })
})

describe('the bigram index', () => {
  const doc = (
    id: string,
    title: string,
    summary = '',
    filters: IndexedDoc['filters'] = { type: ['案例'] },
  ): IndexedDoc => ({
    id,
    url: `/anli/${id}/`,
    title,
    summary,
    date: '',
    filters,
  })
  const docs = [
    doc('zizhijin', '社区自治金', '为居民自治项目提供经费的专项资金。'),
    doc('jinjiang', '金江居委会', '社区自治和服务。', {
      type: ['居委会'],
      community: ['金江居委会'],
    }),
    doc('tingche', '小区停车管理方案听证会纪要', '居民协商停车难题。', {
      type: ['居务公开'],
      community: ['示例居委会'],
    }),
    doc('cuoshi', '石化街道居委会 8+3 错时工作制'),
    ...Array.from({ length: 200 }, (_, i) =>
      doc(`other-${i}`, `其他案例${i}`, '居民参与社区事务。'),
    ),
  ]
  const { files } = buildBigramIndex(docs, 'test')
  const index = openBigramIndex('/pagefind/', async (url) => {
    const name = new URL(url, 'http://x').pathname.replace('/pagefind/bigram/', '')
    if (!files.has(name)) throw new Error(`no ${name}`)
    return JSON.parse(files.get(name)!)
  })

  it('is split into gram shards and record chunks, with a manifest', () => {
    const manifest = JSON.parse(files.get('manifest.json')!)
    expect(manifest).toMatchObject({ v: 3, docs: docs.length, live: docs.length, build: 'test' })
    expect([...files.keys()].filter((f) => f.startsWith('g')).length).toBe(manifest.shards)
    expect([...files.keys()].filter((f) => f.startsWith('d')).length).toBe(
      Math.ceil(docs.length / manifest.chunk),
    )
  })

  it('finds a word inside a longer one, best in the title first', async () => {
    const hits = await index.search('自治金')
    expect(hits[0].id).toBe('zizhijin')
    expect(hits.map((h) => h.id)).not.toContain('jinjiang')
  })

  it('answers a question in natural language with the pages that hold most of it', async () => {
    const hits = await index.search('小区停车难怎么协商解决')
    expect(hits[0]).toMatchObject({ id: 'tingche', filters: { community: ['示例居委会'] } })
  })

  it('finds Latin and digit words joined by signs', async () => {
    expect((await index.search('8+3'))[0].id).toBe('cuoshi')
  })

  it('finds nothing for words it does not hold', async () => {
    expect(await index.search('火星基地')).toEqual([])
  })

  it('counts matches per type from the postings alone, and narrows to one type', async () => {
    const all = await index.match('居民')
    expect(all.types).toEqual({ 案例: 201, 居务公开: 1 })
    expect(all.ranked).toHaveLength(202)
    const disclosures = await index.match('居民', { type: '居务公开' })
    expect(disclosures.ranked).toHaveLength(1)
    expect(disclosures.types).toEqual(all.types)
    expect((await index.hits('居民', disclosures.ranked, 10)).map((hit) => hit.id)).toEqual([
      'tingche',
    ])
  })
})

describe('the bigram index, kept from build to build', () => {
  const page = (id: string, title: string, type = '通知'): IndexedDoc => ({
    id,
    url: `/shequ/shili/tongzhi/${id}/`,
    title,
    summary: '',
    date: '',
    filters: { type: [type] },
  })
  const before = Array.from({ length: 30 }, (_, i) => page(`n${i}`, `停车议事会通知${i}`))
  const after = [...before.filter((doc) => doc.id !== 'n3'), page('n30', '加装电梯听证会通知')]
  const open = (files: Map<string, string>) =>
    openBigramIndex('/pagefind/', async (url) =>
      JSON.parse(files.get(new URL(url, 'http://x').pathname.replace('/pagefind/bigram/', ''))!),
    )
  const first = buildBigramIndex(before, 'one')
  const kept = buildBigramIndex(after, 'two', first.numbering)
  const fresh = buildBigramIndex(after, 'two')

  it('keeps every page its number and gives a new page the next one', () => {
    expect(kept.numbering.slots.indexOf('n10')).toBe(first.numbering.slots.indexOf('n10'))
    expect(kept.numbering.slots.indexOf('n3')).toBe(-1)
    expect(kept.numbering.slots.at(-1)).toBe('n30')
  })

  it('rewrites only the record chunks of the pages that changed', () => {
    const changed = [...kept.files].filter(
      ([file, text]) => file.startsWith('d') && first.files.get(file) !== text,
    )
    const chunkOf = (n: number) => `d${Math.floor(n / 4)}.json`
    expect(changed.map(([file]) => file).sort()).toEqual(
      [
        chunkOf(first.numbering.slots.indexOf('n3')),
        chunkOf(kept.numbering.slots.length - 1),
      ].sort(),
    )
  })

  it('answers every query as an index made afresh does', async () => {
    for (const query of ['停车', '听证会', '通知', '议事会通知3']) {
      const a = await open(kept.files).search(query, 50)
      const b = await open(fresh.files).search(query, 50)
      expect(a.map((hit) => [hit.url, hit.score]).sort()).toEqual(
        b.map((hit) => [hit.url, hit.score]).sort(),
      )
    }
  })
})

describe('the search URL', () => {
  it('round-trips query, filters and page, ignoring unknown and empty parameters', () => {
    const query = parseSearch(
      '?q=听证会&type=案例&community=示例居委会&page=2&utm_source=wechat&year=',
    )
    expect(query).toEqual({
      q: '听证会',
      filters: { type: '案例', community: '示例居委会' },
      page: 2,
      full: false,
    })
    expect(parseSearch(searchString(query))).toEqual(query)
    expect(parseSearch('?page=-3&q=').page).toBe(1)
    expect(parseSearch('?q=停车&full=1')).toMatchObject({ q: '停车', full: true })
    expect(searchString(parseSearch('?q=停车&full=1'))).toBe('?q=%E5%81%9C%E8%BD%A6&full=1')
  })
})
