/**
 * Every Chinese string of the public site's interface, in one place. Names of enumerated values
 * (notice kinds, disclosure categories …) come from cms/labels.ts, shared with the admin.
 */
export {
  COMMUNITY_KIND_LABELS as communityKind,
  DISCLOSURE_CATEGORY_LABELS as disclosureCategory,
  DIRECTION_LABELS as direction,
  GENRE_LABELS as genre,
  NOTICE_KIND_LABELS as noticeKind,
  STREET_KIND_LABELS as streetKind,
} from '../../cms/labels.ts'

export const site = {
  name: '居民自治信息网',
  tagline: '居委会通知、居务公开与居民自治案例',
  description: '上海、宁波等地居民区的通知公告、居务公开、自治品牌项目和居民自治优秀案例库。',
  skipToContent: '跳到正文',
  home: '首页',
  cases: '案例库',
  brandProjects: '品牌项目',
  search: '搜索',
  elderMode: '长辈模式',
  elderModeHint: '字更大、行距更宽',
  footer: '本站内容由各居委会发布。示例居委会的内容均为演示用的虚构内容。',
  sources: '案例资料来源',
  rss: 'RSS 订阅',
  breadcrumb: '当前位置',
  demoBadge: '示例',
  demoNotice: '这是演示用的示例居委会，页面上的通知和公开内容均为虚构。',
}

export const home = {
  title: '居民自治信息网',
  latestNotices: '最新通知',
  upcomingMeetings: '近期会议',
  featuredCases: '精选案例',
  featuredProjects: '自治品牌项目',
  byPlace: '按地区浏览居委会',
  allCases: '查看全部案例',
  allProjects: '查看全部品牌项目',
  noUpcoming: '近期没有已安排的会议。',
}

export const place = {
  district: '区',
  street: '街道/镇',
  communities: '居委会',
  streets: '街道和镇',
  noCommunities: '本站暂未收录这里的居委会。',
  basisInferred: '所属区为据地理推断',
  otherPlaces: '所属区未详',
}

export const community = {
  introduction: '简介',
  office: '办公地点与值班时间',
  address: '地址',
  dutyHours: '值班时间',
  figures: '基本情况',
  households: '户数',
  residents: '居民',
  area: '面积',
  founded: '居委会成立',
  types: '社区类型',
  upcomingMeetings: '近期会议',
  currentNotices: '当前通知',
  disclosures: '居务公开',
  brandProjects: '自治品牌项目',
  cases: '相关案例',
  archive: '历史归档',
  allNotices: '全部通知',
  allDisclosures: '全部居务公开',
  subscribe: '订阅',
  calendar: '会议日历（.ics，可导入手机日历）',
  feed: 'RSS 订阅',
  noNotices: '目前没有有效的通知。',
  noDisclosures: '暂无居务公开内容。',
}

export const notice = {
  kind: '类别',
  publishedAt: '发布时间',
  validUntil: '有效期至',
  expired: '已过期',
  expiredNote: '本通知已过有效期，仅作存档。',
  pinned: '置顶',
  meeting: '会议安排',
  time: '时间',
  place: '地点',
  addToCalendar: '加入日历（.ics）',
  attachments: '附件',
  print: '打印本页',
  back: '返回',
}

export const disclosure = {
  category: '类别',
  period: '所属期间',
  publishedAt: '发布时间',
  lineItems: '收支明细',
  item: '项目',
  direction: '收/支',
  amount: '金额（元）',
  note: '备注',
  totalIncome: '收入合计',
  totalExpense: '支出合计',
  balance: '结余',
  downloadCsv: '下载明细（CSV，可用 Excel 打开）',
  relatedNotice: '相关通知',
  attachments: '附件',
}

export const caseStudy = {
  library: '居民自治案例库',
  libraryIntro: '收录上海、宁波等地居民自治的案例，可按问题类别、自治机制、所在区和体裁浏览。',
  genre: '体裁',
  problems: '问题类别',
  mechanisms: '自治机制',
  district: '所在区',
  place: '地点',
  year: '年份',
  summary: '摘要',
  background: '背景',
  process: '过程',
  outcome: '成效',
  lessons: '经验启示',
  commentary: '点评',
  commentator: '点评人',
  figures: '关键数据',
  source: '出处',
  page: (page: number) => `第${page}页`,
  catalogueOnly: '本案例目前仅收录标题和出处，全文请查阅原书。',
  brandProject: '相关品牌项目',
  count: (n: number) => `共 ${n} 个案例`,
  browseBy: '分类浏览',
  allCases: '全部案例',
}

export const brandProject = {
  list: '自治品牌项目',
  listIntro: '各居委会长期坚持、有名称有特色的居民自治项目。',
  slogan: '口号',
  founded: '创立时间',
  activities: '主要活动',
  honours: '所获荣誉',
  figures: '关键数据',
  relatedCases: '相关案例',
  source: '出处',
}

export const archive = {
  title: (name: string) => `${name} 历史归档`,
  year: (year: number) => `${year}年`,
  month: (month: number) => `${month}月`,
  yearTitle: (name: string, year: number) => `${name} ${year}年归档`,
  count: (n: number) => `${n} 条`,
  page: (page: number, total: number) => `第 ${page} 页，共 ${total} 页`,
  previous: '上一页',
  next: '下一页',
  notices: '通知',
  disclosures: '居务公开',
  empty: '这一年没有内容。',
}

export const notFound = {
  title: '找不到这个页面',
  body: '您要找的页面不存在，可能已经移动或删除。',
  home: '返回首页',
  cases: '浏览案例库',
}
