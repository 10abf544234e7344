/**
 * Chinese names of every enumerated value, in one place: the admin's select options and the public
 * site's labels both read from here, so a kind is called the same thing everywhere.
 */
const options = <T extends Record<string, string>>(labels: T) =>
  Object.entries(labels).map(([value, label]) => ({ value: value as keyof T & string, label }))

export const ROLE_LABELS = { admin: '系统管理员', supervisor: '街道督导员', editor: '居委会编辑' }

export const CITY_LABELS = { shanghai: '上海市', ningbo: '宁波市' }

export const STREET_KIND_LABELS = { street: '街道', town: '镇', zone: '园区/管理单元' }

export const BASIS_LABELS = { stated: '原文明确', inferred: '据地理推断' }

export const COMMUNITY_KIND_LABELS = {
  'residents-committee': '居委会',
  'residential-area': '居民区',
  community: '社区',
  estate: '小区',
  village: '村',
}

export const GENRE_LABELS = {
  'brand-project': '品牌项目',
  grassroots: '基层案例',
  'street-analysis': '街镇剖析',
  thematic: '专题案例',
  innovation: '创新案例',
  news: '新闻报道',
}

/** The sections of a case's text, in the order the books print them (and content files write them). */
export const CASE_SECTION_LABELS = {
  background: '背景',
  process: '过程',
  outcome: '成效',
  lessons: '经验启示',
  commentary: '点评',
}

export const NOTICE_KIND_LABELS = {
  meeting: '会议通知',
  consultation: '征询意见',
  election: '选举',
  activity: '活动',
  publicity: '公示',
  other: '其他',
}

export const DISCLOSURE_CATEGORY_LABELS = {
  finance: '财务',
  resolution: '决议',
  minutes: '会议纪要',
  implementation: '实施结果',
  'autonomy-fund': '自治金',
  'election-result': '选举结果',
  other: '其他',
}

export const DIRECTION_LABELS = { income: '收入', expense: '支出' }

export const SOURCE_KIND_LABELS = { book: '图书', article: '期刊文章', news: '新闻报道' }

/** A road range's numbers: both sides of the road, or one side only. */
export const PARITY_LABELS = { all: '单双号', odd: '单号', even: '双号' }

/** 号 is a house on the road; 弄 a lane off it, with houses of its own. */
export const NUMBER_UNIT_LABELS = { number: '号', lane: '弄' }
/** How often a catalogue item is due (cms/catalogue/types.ts lists the same values). */
export const CADENCE_LABELS = {
  monthly: '每月',
  quarterly: '每季度',
  'half-yearly': '每半年',
  yearly: '每年',
  'after-event': '会议后限期',
  'any-time': '随时',
}

export const DUE_FROM_LABELS = { 'period-end': '期间结束后', 'period-start': '期间开始起' }

export const APPLIES_TO_LABELS = { all: '所有居委会', chosen: '指定的居委会' }

/** Every labelled kind of value, by the name templates use. */
const LABELS = {
  role: ROLE_LABELS,
  city: CITY_LABELS,
  streetKind: STREET_KIND_LABELS,
  basis: BASIS_LABELS,
  communityKind: COMMUNITY_KIND_LABELS,
  genre: GENRE_LABELS,
  caseSection: CASE_SECTION_LABELS,
  noticeKind: NOTICE_KIND_LABELS,
  disclosureCategory: DISCLOSURE_CATEGORY_LABELS,
  direction: DIRECTION_LABELS,
  sourceKind: SOURCE_KIND_LABELS,
  parity: PARITY_LABELS,
  numberUnit: NUMBER_UNIT_LABELS,
  cadence: CADENCE_LABELS,
  dueFrom: DUE_FROM_LABELS,
  appliesTo: APPLIES_TO_LABELS,
}
export type LabelKind = keyof typeof LABELS
export type LabelledValue<K extends LabelKind> = keyof (typeof LABELS)[K] & string

/**
 * The Chinese name of a stored value, applied at the edge (the page or the admin view): data keeps
 * its codes so it can still be sorted and compared, and a value without a label fails to typecheck.
 */
export const label = <K extends LabelKind>(kind: K, value: LabelledValue<K>): string =>
  (LABELS[kind] as Record<string, string>)[value]

/** The stored values of a kind, in the order their labels are listed (the order pages show them). */
export const valuesOf = <K extends LabelKind>(kind: K) =>
  Object.keys(LABELS[kind]) as [LabelledValue<K>, ...LabelledValue<K>[]]

export const roleOptions = options(ROLE_LABELS)
export const cityOptions = options(CITY_LABELS)
export const streetKindOptions = options(STREET_KIND_LABELS)
export const basisOptions = options(BASIS_LABELS)
export const communityKindOptions = options(COMMUNITY_KIND_LABELS)
export const genreOptions = options(GENRE_LABELS)
export const noticeKindOptions = options(NOTICE_KIND_LABELS)
export const disclosureCategoryOptions = options(DISCLOSURE_CATEGORY_LABELS)
export const directionOptions = options(DIRECTION_LABELS)
export const sourceKindOptions = options(SOURCE_KIND_LABELS)
export const parityOptions = options(PARITY_LABELS)
export const numberUnitOptions = options(NUMBER_UNIT_LABELS)
export const cadenceOptions = options(CADENCE_LABELS)
export const dueFromOptions = options(DUE_FROM_LABELS)
export const appliesToOptions = options(APPLIES_TO_LABELS)

/** The finance-table import panel in a finance disclosure's edit view. */
export const LINE_ITEM_IMPORT_TEXT = {
  title: '从表格导入收支明细',
  intro:
    '用 Excel 填好收支明细后导入，不必逐行录入。先预览，确认每一行都没有问题后再应用；应用后保存为草稿，合计由系统重新计算。',
  templateXlsx: '下载模板（Excel .xlsx）',
  templateCsv: '下载模板（CSV）',
  choose: '选择表格文件（.xlsx 或 .csv）',
  saveFirst: '请先保存这条居务公开（保存草稿），再从表格导入。',
  unsaved: '表单里有尚未保存的修改：请先保存，再应用导入的明细（应用会重新载入页面）。',
  reading: '正在读取……',
  applying: '正在保存……',
  read: (rows: number, format: string, encoding: string | null, sheet: string | null) =>
    `读取了 ${rows} 行明细（${format.toUpperCase()}${encoding ? `，编码 ${encoding}` : ''}${sheet ? `，工作表“${sheet}”` : ''}）。`,
  problems: (n: number) => `发现 ${n} 处问题，请在表格里改正后重新选择文件：`,
  noProblems: '每一行都没有问题。',
  row: '行',
  problem: '问题',
  totals: (income: string, expense: string, balance: string) =>
    `收入合计 ${income} 元，支出合计 ${expense} 元，结余 ${balance} 元。`,
  apply: (n: number, existing: number) =>
    existing > 0
      ? `用这 ${n} 条明细替换现有的 ${existing} 条并保存为草稿`
      : `导入这 ${n} 条明细并保存为草稿`,
  applied: (n: number) => `已导入 ${n} 条明细并保存为草稿，正在重新载入……`,
  failed: '导入失败：',
}
