/**
 * Adds synthetic published notices and case studies to a database through the CMS Local API, for the
 * search benchmark's 10,000-page site. Their text is recombined from the corpus's own sentences, so the
 * index sees the site's real vocabulary. Loads content/ first when the database is empty.
 *   DATA_DIR=… node site/bench/synthesize.ts 10000
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import { prepareDatabase } from '../../cms/prepareDatabase.ts'
import { projectRoot } from '../../cms/paths.ts'
import { MarkdownCodec } from '../../cms/seed/markdown.ts'
import { SEEDING_CONTEXT } from '../../cms/seed/seedContent.ts'

const count = Number(process.argv[2] ?? 10_000)
const CASE_SHARE = 0.4

// A fixed pseudo-random sequence: the same synthetic site on every run.
let seed = 20261122
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]

/** Sentences of the corpus's case studies and notices (front matter and headings left out). */
function corpusSentences(): string[] {
  const sentences: string[] = []
  for (const folder of ['case-studies', 'notices', 'brand-projects', 'communities']) {
    const dir = path.join(projectRoot, 'content', folder)
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
      const body = readFileSync(path.join(dir, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '')
      for (const line of body.split('\n')) {
        if (line.startsWith('#') || line.startsWith('-') || line.startsWith('|')) continue
        for (const sentence of line.split(/(?<=[。！？])/)) {
          const text = sentence.trim()
          if (text.length >= 8 && text.length <= 90) sentences.push(text)
        }
      }
    }
  }
  return sentences
}

const TOPICS = [
  '停车管理',
  '加装电梯',
  '垃圾分类',
  '楼道堆物清理',
  '非机动车棚改造',
  '物业服务',
  '绿化改造',
  '自治金项目',
  '居民公约修订',
  '二次供水',
  '消防安全',
  '睦邻活动',
  '老年助餐',
  '群租整治',
  '充电桩安装',
  '外墙维修',
  '宠物饲养',
  '噪声扰民',
  '健身器材',
  '路灯维修',
]
const MEETINGS = ['听证会', '协调会', '评议会', '议事会', '居民代表会议', '意见征询会', '联席会议']
const NOTICE_KINDS = ['consultation', 'activity', 'publicity', 'other']
const APPROACHES = [
  '多方协商',
  '居民议事',
  '楼组自治',
  '党建引领',
  '志愿服务',
  '共建联建',
  '自治金支持',
  '三会制度',
]

const { payload } = await prepareDatabase(console.log)
const markdown = await MarkdownCodec.create(payload.config)
const sentences = corpusSentences()
const ids = async (collection: 'communities' | 'problem-categories' | 'mechanisms' | 'sources') =>
  (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })).docs.map(
    (doc) => doc.id,
  )
const [communities, problems, mechanisms, sources] = await Promise.all([
  ids('communities'),
  ids('problem-categories'),
  ids('mechanisms'),
  ids('sources'),
])
const paragraph = (n: number) => Array.from({ length: n }, () => pick(sentences)).join('')

const started = Date.now()
const transactionID = (await payload.db.beginTransaction()) ?? undefined
const req: Partial<PayloadRequest> = { transactionID, context: SEEDING_CONTEXT }
for (let i = 0; i < count; i++) {
  const topic = pick(TOPICS)
  const year = 2019 + Math.floor(random() * 8)
  const publishedAt = new Date(
    Date.UTC(
      year,
      Math.floor(random() * 12),
      1 + Math.floor(random() * 28),
      1 + Math.floor(random() * 9),
    ),
  ).toISOString()
  if (random() < CASE_SHARE) {
    await payload.create({
      collection: 'case-studies',
      data: {
        title: `${pick(APPROACHES)}化解${topic}难题（${i}）`,
        slug: `bench-case-${i}`,
        genre: 'grassroots',
        community: random() < 0.7 ? pick(communities) : undefined,
        problemCategories: [pick(problems)],
        mechanisms: [pick(mechanisms), pick(mechanisms)].filter(
          (id, n, list) => list.indexOf(id) === n,
        ),
        year,
        summary: paragraph(2),
        sections: {
          background: markdown.toLexical(paragraph(4)),
          process: markdown.toLexical(`${paragraph(5)}\n\n${paragraph(5)}`),
          outcome: markdown.toLexical(paragraph(3)),
        },
        source: { publication: pick(sources), page: 1 + Math.floor(random() * 300) },
        _status: 'published',
      } as never,
      overrideAccess: true,
      req,
    })
  } else {
    const meeting = random() < 0.5
    await payload.create({
      collection: 'notices',
      data: {
        title: meeting
          ? `关于召开${topic}${pick(MEETINGS)}的通知（${i}）`
          : `关于${topic}有关事项的公告（${i}）`,
        slug: `bench-notice-${i}`,
        community: pick(communities),
        kind: pick(NOTICE_KINDS),
        summary: paragraph(1),
        body: markdown.toLexical(`${paragraph(3)}\n\n${paragraph(3)}`),
        publishedAt,
        _status: 'published',
      } as never,
      overrideAccess: true,
      req,
    })
  }
  if ((i + 1) % 1000 === 0)
    console.log(`  ${i + 1} synthetic items (${((Date.now() - started) / 1000).toFixed(0)}s)`)
}
if (transactionID) await payload.db.commitTransaction(transactionID)
console.log(
  `Added ${count} synthetic notices and cases in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
)
process.exit(0)
