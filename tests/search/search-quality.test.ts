import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveStatic } from '../../site/cli/serveStatic.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { ensureBuiltSite } from '../helpers/builtSite.ts'
import { openSearch } from '../helpers/searchPage.ts'

/**
 * Search quality over the real corpus: each query, typed as a resident or researcher would, through the
 * search page of the built site in headless Chromium: the bigram index of titles and summaries first,
 * then Pagefind's own JavaScript and index where that does not fill a page. The expected pages must be
 * among the first five results. Printed at the end: the suite's hit rate (expected pages found in the
 * top five, over all queries), the same for Pagefind alone on the raw query, which queries the bigram
 * index answered alone, and which ones only the search page (with query normalisation) got right.
 */
type Query = {
  q: string
  /** Pages that must be in the top five. */
  expect?: string[]
  /** Or: every one of the top five must be one of these (a place with many equally relevant pages). */
  within?: string[]
}

const QUERIES: Query[] = [
  // Mechanisms (自治机制), including two-character words inside longer ones.
  { q: '听证会', expect: ['/anli/jinhua-gongyu-zhongcai/', '/anli/yinduyuan-tingzhenghui/'] },
  { q: '听证', expect: ['/anli/jinhua-gongyu-zhongcai/', '/anli/yinduyuan-tingzhenghui/'] },
  { q: '议事会', expect: ['/pinpai/qunying-jiayuan-yishihui/'] },
  { q: '自治金', expect: ['/anli/shequ-zizhijin/'] },
  { q: '茶室', expect: ['/pinpai/baixing-chashi/', '/pinpai/apo-chashi/'] },
  { q: '智囊团', expect: ['/pinpai/yongqing-zhinangtuan/', '/anli/yongqing-zhinangtuan/'] },
  { q: '老娘舅', expect: ['/anli/minjian-laoniangjiu/', '/anli/zhaiji-laoniangjiu/'] },
  { q: '客堂汇', expect: ['/anli/jiading-ketanghui/', '/anli/ketanghui/'] },
  { q: '三会制度', expect: ['/anli/huangpu-sanhui/', '/anli/nanyang-boshixin-sanhui/'] },
  { q: '联席会议', expect: ['/anli/shequ-shiwu-lianxi-huiyi/'] },
  { q: '睦邻点', expect: ['/pinpai/taoyuan-mulindian/', '/anli/mulindian-jianshe/'] },
  { q: '双语调解', expect: ['/anli/guoji-jingan-shuangyu-tiaojie/'] },
  // Problems (问题类别).
  { q: '群租', expect: ['/anli/shiji-changjiang-qunzu/'] },
  { q: '物业', expect: ['/anli/pojie-wuye-maodun/'] },
  { q: '物业公司', expect: ['/pinpai/qunying-jiayuan-yishihui/'] },
  {
    q: '加装电梯',
    expect: [
      '/shequ/shili/tongzhi/2026-12-jiazhuang-dianti-xietiaohui/',
      '/shequ/shili/tongzhi/2026-10-jiazhuang-dianti-yiyuan-zhengxun/',
    ],
  },
  { q: '居改非', expect: ['/anli/caobaolu-jugaifei/'] },
  { q: '商铺扰民', expect: ['/anli/hongchun-shangpu-raomin/'] },
  { q: '养老院', expect: ['/anli/meiyou-weiqiang-de-yanglaoyuan/', '/anli/yanglaoyuanshi-fuwu/'] },
  { q: '宠物', expect: ['/anli/tonghe-gouhuan/'] },
  { q: '晨练场地', expect: ['/anli/jingan-xincheng-chenlian/'] },
  { q: '停水', expect: ['/shequ/shili/tongzhi/2026-11-ercigongshui-qingxi-tingshui/'] },
  {
    q: '维修资金',
    expect: [
      '/shequ/shili/gongkai/2026-06-weixiu-zijin-zhanghu/',
      '/shequ/shili/tongzhi/2026-11-weixiu-zijin-shiyong-gongshi/',
    ],
  },
  { q: '选举结果', expect: ['/shequ/shili/gongkai/2025-04-huanjie-xuanju-jieguo/'] },
  // Places.
  {
    q: '七宝',
    within: [
      '/shequ/caobaolu/',
      '/shequ/hanghua-yicun-4/',
      '/shequ/jingan-xincheng-1/',
      '/shequ/wanke-chengshi-huayuan-3/',
      '/anli/caobaolu-jugaifei/',
      '/anli/hanghua-shangpu/',
      '/anli/jingan-xincheng-chenlian/',
      '/anli/wanke-sheshi-xiushan/',
    ],
  },
  {
    q: '漓江山水',
    expect: [
      '/shequ/lijiang-shanshui/',
      '/anli/lijiang-shanshui-yishihui/',
      '/pinpai/qunying-jiayuan-yishihui/',
    ],
  },
  { q: '华泾', expect: ['/shequ/lijiang-shanshui/'] },
  { q: '静安', expect: ['/anli/guoji-jingan-shuangyu-tiaojie/', '/anli/jingan-biaozhunhua/'] },
  // Brand names.
  {
    q: '群英家园',
    expect: ['/pinpai/qunying-jiayuan-yishihui/', '/anli/lijiang-shanshui-yishihui/'],
  },
  { q: '白领驿家', expect: ['/pinpai/bailing-yijia/', '/anli/bailing-yijia/'] },
  { q: '相约九号', expect: ['/pinpai/xiangyue-jiuhao/'] },
  { q: '小板凳', expect: ['/pinpai/xiaobandeng-yishituan/'] },
  // Questions in natural language.
  { q: '小区停车难怎么协商解决', expect: ['/shequ/shili/tongzhi/2026-04-tingche-tingzhenghui/'] },
  { q: '楼道堆物怎么清理', expect: ['/shequ/shili/tongzhi/2025-07-louzu-duiwu-xietiaohui/'] },
  { q: '物业费涨价要开听证会吗', expect: ['/shequ/shili/tongzhi/2026-12-wuyefei-tingzhenghui/'] },
  {
    q: '商铺油烟扰民怎么协调',
    expect: ['/anli/hongchun-shangpu-raomin/', '/anli/hanghua-shangpu/'],
  },
  { q: '怎么申请自治金项目', expect: ['/shequ/shili/tongzhi/2026-11-zizhijin-xiangmu-zhengji/'] },
  // Chinese mixed with digits and Latin letters.
  {
    q: '2026 居民代表会议',
    expect: [
      '/shequ/shili/tongzhi/2026-11-jumin-daibiao-huiyi/',
      '/shequ/shili/tongzhi/2026-06-jumin-daibiao-huiyi/',
    ],
  },
  { q: '8+3', expect: ['/anli/shihua-cuoshi-gongzuozhi/'] },
  { q: '1+6', expect: ['/anli/yi-jia-liu-moshi/'] },
  { q: '7+X', expect: ['/pinpai/ziwei-7x-lishihui/'] },
  // Traditional characters.
  { q: '聽證會', expect: ['/anli/jinhua-gongyu-zhongcai/', '/anli/yinduyuan-tingzhenghui/'] },
  { q: '業委會換屆', expect: ['/shequ/shili/tongzhi/2026-10-yeweihui-huanjie-xiaozu/'] },
]

let browser: Browser
let page: Page
let server: Awaited<ReturnType<typeof serveStatic>>
const outcomes: {
  q: string
  expected: number
  found: number
  alone: number
  scope: string
  bigram: boolean
}[] = []

/** How many of the expected pages (or of the top five, for `within`) a list of URLs gets right. */
const score = (top: string[], { expect: wanted = [], within }: Query) =>
  within
    ? top.filter((url) => within.includes(url)).length
    : wanted.filter((url) => top.includes(url)).length

/** The top five of Pagefind on its own, with the raw query, for comparison. */
async function pagefindAlone(q: string): Promise<string[]> {
  // A string, so the test runner does not rewrite the browser's import() as its own.
  return page.evaluate(`(async () => {
    const { buckets } = await (await fetch('/pagefind/buckets.json')).json()
    const pagefind = await import('/pagefind/' + buckets[0] + '/pagefind.js')
    for (const bucket of buckets.slice(1)) await pagefind.mergeIndex('/pagefind/' + bucket + '/')
    const response = await pagefind.search(${JSON.stringify(q)})
    return Promise.all(response.results.slice(0, 5).map(async (r) => (await r.data()).url))
  })()`)
}

beforeAll(async () => {
  server = await serveStatic(await ensureBuiltSite())
  browser = await launchBrowser()
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  const expected = outcomes.reduce((sum, o) => sum + o.expected, 0)
  const rate = (n: number) =>
    `${n}/${expected} (${((100 * n) / Math.max(1, expected)).toFixed(1)}%)`
  const list = (items: typeof outcomes) => items.map((o) => o.q).join('、') || 'none'
  const lines = [
    `Search quality over ${outcomes.length} queries, expected pages in the top 5:`,
    `  search page:               ${rate(outcomes.reduce((sum, o) => sum + o.found, 0))}`,
    `  Pagefind alone, raw query: ${rate(outcomes.reduce((sum, o) => sum + o.alone, 0))}`,
    `Answered by the bigram index of titles and summaries alone: ${list(outcomes.filter((o) => o.scope === 'titles'))}`,
    `Full text, with the bigram index asked too: ${list(outcomes.filter((o) => o.scope === 'full' && o.bigram))}`,
    `Queries Pagefind alone gets wrong and the search page gets right: ${list(outcomes.filter((o) => o.alone < o.found))}`,
    `Queries missing an expected page: ${list(outcomes.filter((o) => o.found < o.expected))}`,
  ]
  console.log(lines.join('\n'))
})

describe('search quality over the real corpus (top 5)', () => {
  it('has at least 25 queries', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(25)
  })

  it.each(QUERIES)('$q', async (query) => {
    const { q, expect: wanted = [], within } = query
    const view = await openSearch(page, server.url, { q })
    const top = view.results.slice(0, 5).map((row) => row.url)
    outcomes.push({
      q,
      expected: within ? Math.min(5, within.length) : wanted.length,
      found: score(top, query),
      alone: score(await pagefindAlone(q), query),
      scope: view.scope,
      bigram: view.bigramUsed,
    })
    if (within) {
      expect(top.length).toBe(Math.min(5, within.length))
      expect(top.filter((url) => !within.includes(url))).toEqual([])
    } else {
      expect(top, `top 5 for ${q}`).toEqual(expect.arrayContaining(wanted))
    }
  })
})
