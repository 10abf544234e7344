/**
 * Generates N realistic items for the build benchmark into the database of DATA_DIR (loading content/
 * first when it is empty): what a district looks like after a few years. Communities grow with N (one
 * committee per ~500 items, in streets of 10–30 committees, in districts of 100–300), and each publishes
 * every week: notices (meetings with times and places, consultations, activities, public notices; many
 * expired, a few pinned, a few left as drafts), and disclosures (quarterly and monthly finance tables
 * whose totals the CMS computes, minutes that follow their meeting notice, resolutions, autonomy-fund
 * projects, election results). Case studies and brand projects stay a curated library of ~2%.
 *
 * Text is recombined from the corpus's own sentences, so pages and search indexes see the site's real
 * vocabulary; a fixed seed makes the same site on every run. Dates count back from the day of the run
 * (Beijing time), so there are always current notices and upcoming meetings, but none expires or ends
 * within two days, which would start a rebuild of its own in the middle of the benchmark.
 *
 * It writes through the Local API, one transaction per batch, with the seeding context so side-effect
 * hooks (rebuild requests) stand aside, and validation and computed fields still apply.
 *   DATA_DIR=… node site/bench/generate.ts 10000 [--report generated.json]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { slugify } from '../../cms/hooks/formatSlug.ts'
import { projectRoot } from '../../cms/paths.ts'
import { MarkdownCodec } from '../../cms/seed/markdown.ts'
import { SEEDING_CONTEXT } from '../../cms/seed/seedContent.ts'
import { progress } from './progress.ts'

export const ITEMS_PER_COMMITTEE = 500
const STREET_SIZE = [10, 30] as const
const DISTRICT_TARGET = 200
const CASE_SHARE = 0.015
const BRAND_SHARE = 0.005
const DRAFT_SHARE = 0.01
const BATCH = 250
const DAY = 86_400_000
const BEIJING = 8 * 3_600_000

/** A fixed pseudo-random sequence: the same site on every run. */
export function seededRandom(seed = 20261122) {
  let state = seed >>> 0
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  return { random, int, pick }
}
type Random = ReturnType<typeof seededRandom>

/** Sentences of the corpus's own texts (front matter, headings, lists and tables left out). */
function corpusSentences(): string[] {
  const sentences: string[] = []
  for (const folder of [
    'case-studies',
    'notices',
    'disclosures',
    'brand-projects',
    'communities',
  ]) {
    const dir = path.join(projectRoot, 'content', folder)
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
      const body = readFileSync(path.join(dir, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '')
      for (const line of body.split('\n')) {
        if (/^[#\-|*>]/.test(line)) continue
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
  '维修资金使用',
  '小区大门改造',
]
const MEETINGS = ['听证会', '协调会', '评议会', '议事会', '居民代表会议', '意见征询会', '联席会议']
const PLACES = [
  '居委会二楼会议室',
  '睦邻活动室',
  '小区议事亭',
  '党群服务站多功能厅',
  '居民活动中心一楼',
  '物业服务中心会议室',
]
const ACTIVITIES = [
  '邻里节',
  '学雷锋志愿服务',
  '重阳敬老',
  '端午包粽子',
  '消防演练',
  '旧物交换',
  '亲子读书会',
  '健康义诊',
  '反诈宣传',
]
const OTHER = ['节假日值班安排', '临时停水', '办公地点临时调整', '电梯维保停运', '高温防暑提示']
const APPROACHES = [
  '多方协商',
  '居民议事',
  '楼组自治',
  '党建引领',
  '志愿服务',
  '共建联建',
  '自治金支持',
]
const INCOME = ['上年结转', '街道拨付工作经费', '自治金拨付', '共建单位资助']
const EXPENSES = [
  '办公用品',
  '水电费及网络通讯费',
  '走访慰问困难家庭',
  '志愿服务活动物资',
  '议事会资料印制',
  '报刊订阅',
  '楼道整治材料',
  '文体活动场地布置',
  '绿化补种',
  '宣传栏更新',
]
const PUBLIC_INCOME = ['广告位收益', '停车场地使用费', '快递柜场地费', '电梯广告收益']
const PUBLIC_EXPENSE = ['公共部位维修', '设施设备保养', '业委会办公经费', '审计费用']
const NAME_PARTS =
  '和平光明新华春晖锦绣长青金桥东兴南苑西林北园康乐怡景桂花紫藤银杏望江临湖松鹤景泰安居'
const STREET_WORDS = ['路', '新村', '港', '桥', '湾']

type Place = { key: string; data: Record<string, unknown> }
type Committee = Place & { street: string; district: string; name: string; quota: number }
export type PlannedItem = {
  collection: 'notices' | 'disclosures' | 'case-studies' | 'brand-projects'
  committee: Committee
  at: number
  data: Record<string, unknown>
  /** Minutes point at the meeting notice they record. */
  relatedTo?: PlannedItem
  body: string
  sections?: Record<string, string>
  key: string
}

export type Plan = {
  districts: Place[]
  streets: (Place & { district: string })[]
  committees: Committee[]
  items: PlannedItem[]
}

const iso = (ms: number) => new Date(ms).toISOString()
/** A Beijing wall-clock time on the day of `ms`. */
const beijingAt = (ms: number, hour: number, minute = 0) =>
  Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING + (hour * 60 + minute) * 60_000
const beijingDate = (ms: number) => new Date(ms + BEIJING)
const money = (r: Random, min: number, max: number) =>
  Math.round((min + r.random() * (max - min)) * 100) / 100
/** 12,345.67 (toLocaleString is slow enough to show at 100,000 items). */
const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Splits `total` into groups of min…max each (one group when it is no more than max). */
function groups(total: number, [min, max]: readonly [number, number], r: Random): number[] {
  if (total <= max) return [total]
  const sizes: number[] = []
  let left = total
  while (left > max) {
    const size = Math.min(r.int(min, max), left - min)
    sizes.push(size)
    left -= size
  }
  sizes.push(left)
  return sizes
}

/** Which items exist, where and when: pure, so the same N always plans the same district. */
export function plan(count: number, anchor: number, r: Random, text: (n: number) => string): Plan {
  const committeesWanted = Math.max(1, Math.round(count / ITEMS_PER_COMMITTEE))
  const usedNames = new Set<string>()
  const uniqueName = (make: () => string) => {
    for (let n = 0; ; n++) {
      const name = make()
      const candidate = n < 20 ? name : `${name}${n}`
      if (!usedNames.has(candidate)) return (usedNames.add(candidate), candidate)
    }
  }
  const twoChars = () => `${r.pick([...NAME_PARTS])}${r.pick([...NAME_PARTS])}`

  const districts: Plan['districts'] = []
  const streets: Plan['streets'] = []
  const committees: Committee[] = []
  const streetSizes = groups(committeesWanted, STREET_SIZE, r)
  // Whole streets into districts of about equal size: 100–300 committees each, once there are 100.
  const districtCount = Math.max(1, Math.round(committeesWanted / DISTRICT_TARGET))
  let streetIndex = 0
  for (let d = 0; d < districtCount; d++) {
    const districtName = uniqueName(() => `${twoChars()}区`)
    const districtKey = `bench-q${d + 1}`
    districts.push({
      key: districtKey,
      data: {
        name: districtName,
        slug: `${slugify(districtName)}-${districtKey}`,
        city: 'shanghai',
      },
    })
    const districtSize =
      d === districtCount - 1
        ? Number.POSITIVE_INFINITY
        : Math.round(((d + 1) * committeesWanted) / districtCount) - committees.length
    let placed = 0
    while (placed < districtSize && streetIndex < streetSizes.length) {
      const size = streetSizes[streetIndex]
      const streetName = uniqueName(() => `${twoChars()}${r.random() < 0.8 ? '街道' : '镇'}`)
      const streetKey = `bench-j${streetIndex + 1}`
      streets.push({
        key: streetKey,
        district: districtKey,
        data: {
          name: streetName,
          slug: `${slugify(streetName)}-${streetKey}`,
          kind: streetName.endsWith('镇') ? 'town' : 'street',
          districtBasis: 'stated',
        },
      })
      for (let c = 0; c < size; c++) {
        const n = committees.length + 1
        const name = uniqueName(() => `${twoChars()}${r.pick(STREET_WORDS)}居委会`)
        const households = r.int(800, 4200)
        committees.push({
          key: `bench-s${n}`,
          street: streetKey,
          district: districtKey,
          name,
          quota: 0,
          data: {
            name,
            slug: `${slugify(name.replace(/居委会$/, ''))}-s${n}`,
            kind: 'residents-committee',
            types: [r.pick(['商品房小区', '售后公房', '老城区', '动迁安置房', '混合型社区'])],
            figures: {
              households,
              residents: Math.round(households * (2.2 + r.random())),
              areaM2: r.int(40, 400) * 1000,
              founded: { year: r.int(1985, 2015), month: r.int(1, 12) },
            },
            office: {
              address: `${streetName}${name.slice(0, 2)}路${r.int(1, 999)}号（示例地址）`,
              dutyHours: '周一至周五 8:30–17:00，周六上午 9:00–11:30 值班',
            },
            demo: true,
            publishedAt: iso(anchor - 6 * 365 * DAY),
            _status: 'published',
          },
        })
      }
      placed += size
      streetIndex++
    }
  }

  const items: PlannedItem[] = []
  let serial = 0
  const key = () => (serial++).toString(36)
  const cases = Math.round(count * CASE_SHARE)
  const brands = Math.round(count * BRAND_SHARE)
  // Some committees publish much more than others.
  const weights = committees.map(() => 0.6 + r.random() * 0.8)
  const weightSum = weights.reduce((a, b) => a + b, 0)
  let left = count - cases - brands
  committees.forEach((committee, i) => {
    committee.quota =
      i === committees.length - 1
        ? left
        : Math.round(((count - cases - brands) * weights[i]) / weightSum)
    left -= committee.quota
  })

  for (const committee of committees)
    items.push(...committeeTimeline(committee, anchor, r, text, key))
  for (let i = 0; i < brands; i++) {
    const committee = r.pick(committees)
    const name = `${committee.name.slice(0, 2)}${r.pick(['议事厅', '睦邻茶室', '自治服务站', '楼组会客厅', '志愿服务队'])}`
    items.push({
      collection: 'brand-projects',
      committee,
      at: anchor - r.int(30, 1500) * DAY,
      key: key(),
      body: `${text(3)}\n\n${text(4)}`,
      data: {
        name,
        slogan: r.pick(['有事好商量', '邻里一家亲', '小区是我家', '大家的事大家办']),
        founded: { year: r.int(2012, 2025) },
        summary: text(2),
        activities: [
          { name: r.pick(ACTIVITIES), description: text(1) },
          { name: `${r.pick(TOPICS)}议事`, description: text(1) },
        ],
        _status: 'published',
      },
    })
  }
  for (let i = 0; i < cases; i++) {
    const committee = r.pick(committees)
    const topic = r.pick(TOPICS)
    items.push({
      collection: 'case-studies',
      committee,
      at: anchor - r.int(30, 1500) * DAY,
      key: key(),
      body: '',
      sections: {
        background: text(4),
        process: `${text(5)}\n\n${text(5)}`,
        outcome: text(3),
        lessons: text(2),
      },
      data: {
        title: `${committee.name.slice(0, 2)}小区：${r.pick(APPROACHES)}化解${topic}难题`,
        genre: r.random() < 0.8 ? 'grassroots' : 'thematic',
        year: r.int(2018, beijingDate(anchor).getUTCFullYear()),
        summary: text(2),
        _status: 'published',
      },
    })
  }
  items.sort((a, b) => a.at - b.at)
  return { districts, streets, committees, items }
}

/** One committee's notices and disclosures, week by week back from `anchor`, until its quota is met. */
function committeeTimeline(
  committee: Committee,
  anchor: number,
  r: Random,
  text: (n: number) => string,
  key: () => string,
): PlannedItem[] {
  const out: PlannedItem[] = []
  // Nothing expires or ends in the next two days (that would start a rebuild mid-benchmark).
  const quiet = (ms: number) => (ms >= anchor - DAY && ms < anchor + 2 * DAY ? ms + 3 * DAY : ms)
  const add = (
    collection: PlannedItem['collection'],
    at: number,
    data: Record<string, unknown>,
    body: string,
  ) => {
    const item: PlannedItem = { collection, committee, at, data, body, key: key() }
    out.push(item)
    return item
  }
  const notice = (at: number, kind: string, title: string, extra: Record<string, unknown> = {}) =>
    add(
      'notices',
      at,
      {
        title,
        kind,
        summary: text(1),
        pinned: anchor - at < 21 * DAY && r.random() < 0.2,
        _status: r.random() < DRAFT_SHARE ? 'draft' : 'published',
        ...extra,
      },
      `各位居民：\n\n${text(3)}\n\n**具体安排**\n\n- ${text(1)}\n- ${text(1)}\n\n${text(2)}\n\n联系电话：021-5555-${String(r.int(100, 9999)).padStart(4, '0')}。`,
    )
  const finance = (
    at: number,
    title: string,
    period: object,
    income: string[],
    expense: string[],
  ) => {
    const lineItems = [
      ...income.map((item) => ({ item, direction: 'income', amount: money(r, 2000, 40000) })),
      ...expense.map((item) => ({ item, direction: 'expense', amount: money(r, 80, 6000) })),
    ]
    const fen = (direction: string) =>
      lineItems
        .filter((line) => line.direction === direction)
        .reduce((sum, line) => sum + Math.round(line.amount * 100), 0)
    const [inFen, outFen] = [fen('income'), fen('expense')]
    add(
      'disclosures',
      at,
      { title, category: 'finance', period, summary: text(1), lineItems, _status: 'published' },
      `现将收支情况公开如下。本期收入合计${yuan(inFen)}元，支出合计${yuan(outFen)}元，结余${yuan(inFen - outFen)}元。\n\n${text(2)}\n\n原始凭证可在值班时间到居委会查阅。`,
    )
  }

  for (let week = 0; out.length < committee.quota; week++) {
    const weekStart = anchor - (week + 1) * 7 * DAY
    const day = (d: number, hour = r.int(8, 17)) =>
      beijingAt(weekStart + d * DAY, hour, r.pick([0, 30]))
    const date = beijingDate(weekStart)
    const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() + 1]
    const firstWeekOfMonth = date.getUTCDate() <= 7

    for (let n = r.random() < 0.6 ? 2 : 1; n > 0; n--) {
      const at = day(r.int(0, 6))
      const topic = r.pick(TOPICS)
      const draw = r.random()
      if (draw < 0.35) {
        const meetingKind = r.pick(MEETINGS)
        const startsAt = quiet(beijingAt(at + r.int(2, 10) * DAY, r.pick([9, 14, 18]), 30))
        const meeting = notice(at, 'meeting', `关于召开${topic}${meetingKind}的通知`, {
          meeting: {
            startsAt: iso(startsAt),
            endsAt: iso(startsAt + 2 * 3_600_000),
            place: r.pick(PLACES),
          },
          validUntil: r.random() < 0.7 ? iso(quiet(beijingAt(startsAt, 0))) : undefined,
        })
        const minutesAt = startsAt + r.int(3, 8) * DAY
        if (r.random() < 0.4 && minutesAt < anchor) {
          const minutes = add(
            'disclosures',
            minutesAt,
            {
              title: `${topic}${meetingKind}会议纪要`,
              category: meetingKind === '居民代表会议' ? 'resolution' : 'minutes',
              period: {
                year: beijingDate(startsAt).getUTCFullYear(),
                month: beijingDate(startsAt).getUTCMonth() + 1,
              },
              summary: text(1),
              _status: 'published',
            },
            `- **时间**：${beijingDate(startsAt).getUTCMonth() + 1}月${beijingDate(startsAt).getUTCDate()}日\n- **地点**：${(meeting.data.meeting as { place: string }).place}\n\n**一、议题说明**\n\n${text(3)}\n\n**二、主要意见**\n\n- ${text(1)}\n- ${text(1)}\n\n**三、会议结论**\n\n${text(2)}`,
          )
          minutes.relatedTo = meeting
        }
      } else if (draw < 0.55) {
        notice(at, 'consultation', `关于${topic}方案征求居民意见的通知`, {
          validUntil: iso(quiet(beijingAt(at + 14 * DAY, 0))),
        })
      } else if (draw < 0.75) {
        const activity = r.pick(ACTIVITIES)
        notice(at, 'activity', `关于举办${activity}活动的通知`, {
          validUntil:
            r.random() < 0.8 ? iso(quiet(beijingAt(at + r.int(3, 12) * DAY, 0))) : undefined,
        })
      } else if (draw < 0.9) {
        notice(at, 'publicity', `${topic}实施方案公示`, {
          validUntil: iso(quiet(beijingAt(at + 7 * DAY, 0))),
        })
      } else {
        notice(at, 'other', `关于${r.pick(OTHER)}的通知`)
      }
    }
    if (firstWeekOfMonth) {
      const [prevYear, prevMonth] = month === 1 ? [year - 1, 12] : [year, month - 1]
      if (r.random() < 0.6)
        finance(
          day(r.int(1, 4)),
          `${prevYear}年${prevMonth}月小区公共收益收支公示`,
          { year: prevYear, month: prevMonth },
          [r.pick(PUBLIC_INCOME), r.pick(PUBLIC_INCOME)],
          [r.pick(PUBLIC_EXPENSE), r.pick(PUBLIC_EXPENSE)],
        )
      if ((month - 1) % 3 === 0) {
        const [qYear, quarter] = month === 1 ? [year - 1, 4] : [year, (month - 1) / 3]
        finance(
          day(r.int(2, 6)),
          `${qYear}年第${quarter}季度居委会工作经费收支公开`,
          { year: qYear, quarter },
          INCOME.slice(0, r.int(2, 3)),
          EXPENSES.filter(() => r.random() < 0.6),
        )
      }
      if (month === 3 && r.random() < 0.5)
        add(
          'disclosures',
          day(3),
          {
            title: `${year}年自治金项目${r.pick(['立项', '结算'])}公示`,
            category: 'autonomy-fund',
            period: { year },
            summary: text(1),
            _status: 'published',
          },
          `${text(3)}\n\n${text(2)}`,
        )
      if (month === 9 && r.random() < 0.5)
        add(
          'disclosures',
          day(2),
          {
            title: `${r.pick(TOPICS)}项目实施情况公开`,
            category: 'implementation',
            period: { year, month },
            summary: text(1),
            _status: 'published',
          },
          `${text(3)}\n\n${text(3)}`,
        )
      if (month === 4 && year % 5 === 0)
        add(
          'disclosures',
          day(2),
          {
            title: `${year}年居民委员会换届选举结果公告`,
            category: 'election-result',
            period: { year },
            summary: text(1),
            _status: 'published',
          },
          `${text(2)}\n\n${text(2)}`,
        )
    }
  }
  const kept = out.slice(0, committee.quota)
  // Every committee keeps at least its newest notice on top of its list.
  const newest = kept.find(
    (item) => item.collection === 'notices' && item.data._status === 'published',
  )
  if (newest && !kept.some((item) => item.data.pinned)) newest.data.pinned = true
  return kept
}

/** Slug of an item: its date, topic and a serial, so titles that repeat every year stay distinct. */
function slugOf(item: PlannedItem) {
  const date = beijingDate(item.at)
  const title = String(item.data.title ?? item.data.name)
  const words = slugify(title).split('-').slice(0, 4).join('-')
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${words}-${item.key}`
}

export type GenerateReport = {
  items: number
  counts: Record<string, number>
  districts: number
  streets: number
  committees: number
  seconds: number
  itemsPerSecond: number
}

/** Writes the plan through the Local API, a transaction per batch; returns what it wrote. */
export async function writePlan(
  payload: Payload,
  planned: Plan,
  onProgress: (done: number) => void = () => {},
): Promise<GenerateReport> {
  const started = Date.now()
  const markdown = await MarkdownCodec.create(payload.config)
  const ids = new Map<string, string | number>()
  const itemIds = new Map<PlannedItem, string | number>()
  const first = async (collection: CollectionSlug) =>
    (await payload.find({ collection, limit: 50, depth: 0, overrideAccess: true })).docs.map(
      (d) => d.id,
    )
  const [problems, mechanisms, sources] = await Promise.all([
    first('problem-categories'),
    first('mechanisms'),
    first('sources'),
  ])
  const r = seededRandom(7)
  const counts: Record<string, number> = {}

  const inBatches = async <T>(
    list: T[],
    write: (entry: T, req: Partial<PayloadRequest>) => Promise<void>,
  ) => {
    for (let start = 0; start < list.length; start += BATCH) {
      const transactionID = (await payload.db.beginTransaction()) ?? undefined
      const req: Partial<PayloadRequest> = { transactionID, context: SEEDING_CONTEXT }
      try {
        for (const entry of list.slice(start, start + BATCH)) await write(entry, req)
        if (transactionID) await payload.db.commitTransaction(transactionID)
      } catch (error) {
        if (transactionID) await payload.db.rollbackTransaction(transactionID)
        throw error
      }
    }
  }
  const create = async (
    collection: CollectionSlug,
    data: Record<string, unknown>,
    req: Partial<PayloadRequest>,
  ) =>
    (
      (await payload.create({
        collection,
        data: data as never,
        depth: 0,
        select: { id: true } as never,
        overrideAccess: true,
        req,
      })) as { id: string | number }
    ).id

  await inBatches(
    planned.districts,
    async (d, req) => void ids.set(d.key, await create('districts', d.data, req)),
  )
  await inBatches(
    planned.streets,
    async (s, req) =>
      void ids.set(
        s.key,
        await create('streets', { ...s.data, district: ids.get(s.district) }, req),
      ),
  )
  await inBatches(
    planned.committees,
    async (c, req) =>
      void ids.set(
        c.key,
        await create(
          'communities',
          {
            ...c.data,
            street: ids.get(c.street),
            district: ids.get(c.district),
            introduction: markdown.toLexical(
              `${c.name}位于${String(planned.streets.find((s) => s.key === c.street)?.data.name)}。`,
            ),
          },
          req,
        ),
      ),
  )

  let done = 0
  await inBatches(planned.items, async (item, req) => {
    const community = ids.get(item.committee.key)
    const base = { ...item.data, slug: slugOf(item), community }
    let data: Record<string, unknown>
    if (item.collection === 'case-studies') {
      data = {
        ...base,
        street: ids.get(item.committee.street),
        district: ids.get(item.committee.district),
        problemCategories: [r.pick(problems)],
        mechanisms: [...new Set([r.pick(mechanisms), r.pick(mechanisms)])],
        sections: Object.fromEntries(
          Object.entries(item.sections ?? {}).map(([name, md]) => [name, markdown.toLexical(md)]),
        ),
        source: { publication: r.pick(sources), page: r.int(1, 300) },
      }
    } else {
      data = {
        ...base,
        body: markdown.toLexical(item.body),
        ...(item.collection === 'brand-projects' ? {} : { publishedAt: iso(item.at) }),
        ...(item.relatedTo && itemIds.has(item.relatedTo)
          ? { relatedNotice: itemIds.get(item.relatedTo) }
          : {}),
      }
    }
    itemIds.set(item, await create(item.collection, data, req))
    counts[item.collection] = (counts[item.collection] ?? 0) + 1
    onProgress(++done)
  })
  const seconds = (Date.now() - started) / 1000
  return {
    items: done,
    counts,
    districts: planned.districts.length,
    streets: planned.streets.length,
    committees: planned.committees.length,
    seconds,
    itemsPerSecond: done / seconds,
  }
}

/** The start of today in Beijing: the generated site's "now". */
export const today = () => beijingAt(Date.now(), 0)

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 10_000)
  const reportAt = process.argv.indexOf('--report')
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`Not a number of items: ${process.argv[2]}`)
  const { prepareDatabase } = await import('../../cms/prepareDatabase.ts')
  const { payload } = await prepareDatabase(console.log)
  const sentences = corpusSentences()
  const r = seededRandom()
  const text = (n: number) => Array.from({ length: n }, () => r.pick(sentences)).join('')
  const planned = plan(count, today(), r, text)
  const bar = progress('Generating')
  const report = await writePlan(payload, planned, (done) =>
    bar.update(done, planned.items.length, 'items'),
  )
  bar.done(
    `${report.items} items (${Object.entries(report.counts)
      .map(([c, n]) => `${n} ${c}`)
      .join(
        ', ',
      )}) in ${report.committees} committees, ${report.streets} streets, ${report.districts} districts; ` +
      `${report.seconds.toFixed(1)}s, ${report.itemsPerSecond.toFixed(0)} items/s`,
  )
  if (reportAt > 0) writeFileSync(process.argv[reportAt + 1], JSON.stringify(report, null, 2))
  process.exit(0)
}
