import { describe, expect, it } from 'vitest'

import { gbCitation, gbWebCitation, type CitedSource } from '../../site/lib/citation.ts'

/** GB/T 7714-2015 references, to the letter, for each kind of source the corpus cites. */
const book: CitedSource = {
  kind: 'book',
  title: '居民自治（下）案例精选与剖析',
  editors: ['上海市民政局基政处', '上海市街镇工作协会'],
  place: '上海',
  publisher: '华东理工大学出版社',
  published: '2017-01',
}

describe('GB/T 7714-2015 citations', () => {
  it('a book: editors, title [M], place: publisher, year: page', () => {
    expect(gbCitation(book, { page: 3 })).toBe(
      '上海市民政局基政处, 上海市街镇工作协会. 居民自治（下）案例精选与剖析[M]. 上海: 华东理工大学出版社, 2017: 3.',
    )
    expect(gbCitation(book)).toBe(
      '上海市民政局基政处, 上海市街镇工作协会. 居民自治（下）案例精选与剖析[M]. 上海: 华东理工大学出版社, 2017.',
    )
  })

  it('a case printed in a book is cited as a part of it ([M]//), with its page', () => {
    expect(gbCitation(book, { title: '我的小区我做主 群英家园共议事', page: 3 })).toBe(
      '我的小区我做主 群英家园共议事[M]//上海市民政局基政处, 上海市街镇工作协会. 居民自治（下）案例精选与剖析. 上海: 华东理工大学出版社, 2017: 3.',
    )
  })

  it('a subtitle after a dash becomes other title information, after a colon', () => {
    expect(
      gbCitation({
        kind: 'book',
        title: '走向善治——上海市社区治理实践案例选编',
        editors: ['陆晓春'],
        place: '上海',
        publisher: '文汇出版社',
        published: '2014-05',
      }),
    ).toBe('陆晓春. 走向善治: 上海市社区治理实践案例选编[M]. 上海: 文汇出版社, 2014.')
  })

  it('what the source does not print is said in brackets, never guessed', () => {
    expect(
      gbCitation({
        kind: 'book',
        title: '居民自治（上）经验提炼与梳理',
        editors: ['上海市民政局基政处'],
      }),
    ).toBe('上海市民政局基政处. 居民自治（上）经验提炼与梳理[M]. [出版地不详: 出版者不详].')
    expect(gbCitation({ ...book, place: null })).toContain(
      '[出版地不详]: 华东理工大学出版社, 2017.',
    )
    expect(gbCitation({ ...book, publisher: null })).toContain('上海: [出版者不详], 2017.')
  })

  it('more than three responsible persons: the first three, then 等', () => {
    expect(gbCitation({ ...book, editors: ['甲', '乙', '丙', '丁'] })).toMatch(/^甲, 乙, 丙, 等\. /)
  })

  it('a journal article: author, title [J], journal, year(issue): pages', () => {
    const article: CitedSource = {
      kind: 'article',
      title: '上海基层社区自治规范化和居民参与社区治理机制创新',
      editors: ['金桥'],
      published: '2018',
      issue: '08',
      pages: '97-107',
    }
    expect(gbCitation({ ...article, container: '某刊' })).toBe(
      '金桥. 上海基层社区自治规范化和居民参与社区治理机制创新[J]. 某刊, 2018(8): 97-107.',
    )
    expect(gbCitation(article)).toBe(
      '金桥. 上海基层社区自治规范化和居民参与社区治理机制创新[J]. [刊名不详], 2018(8): 97-107.',
    )
  })

  it('a newspaper article: author, title [N], paper, date(page)', () => {
    const news: CitedSource = {
      kind: 'news',
      title: '“家门口”的自治服务阵地——小区居民自治服务站',
      editors: ['伍慧'],
    }
    expect(gbCitation({ ...news, container: '某报', published: '2023-05-12', issue: '3' })).toBe(
      '伍慧. “家门口”的自治服务阵地: 小区居民自治服务站[N]. 某报, 2023-05-12(3).',
    )
    expect(gbCitation(news)).toBe(
      '伍慧. “家门口”的自治服务阵地: 小区居民自治服务站[N]. [报纸名不详].',
    )
  })

  it('the web page itself: site, title [EB/OL], (updated)[accessed], URL', () => {
    expect(
      gbWebCitation({
        author: '居民自治信息网',
        title: '我的小区我做主 群英家园共议事',
        updated: '2026-11-20',
        accessed: '2026-11-22',
        url: 'https://example.org/anli/qunying/',
      }),
    ).toBe(
      '居民自治信息网. 我的小区我做主 群英家园共议事[EB/OL]. (2026-11-20)[2026-11-22]. https://example.org/anli/qunying/.',
    )
  })
})
