/**
 * Every URL of the public site, in one place. Slugs are pinyin, so shared links stay readable.
 * All page URLs end in '/' (astro.config.mjs: trailingSlash 'always').
 */
/** One step of a page's breadcrumb trail; the last one (the page itself) has no link. */
export type Crumb = { label: string; href?: string }

export const routes = {
  home: () => '/',
  search: () => '/sousuo/',
  rss: () => '/rss.xml',

  /** 找我的居委会: the lookup (and, without JavaScript, the directory by place) and its index. */
  findCommittee: (query?: string) => (query ? `/zhao/?q=${encodeURIComponent(query)}` : '/zhao/'),
  lookupIndex: () => '/zhao/index.json',
  /** A short link for chat messages (/t/k3x9m2qa/), redirecting to the item. */
  shortLink: (code: string) => `/t/${code}/`,

  /** 开放数据: the page explaining the files, the city-wide files and their schemas. */
  openData: () => '/kaifang-shuju/',
  openDataFile: (file: string) => `/kaifang-shuju/${file}`,
  openDataSchema: (name: string) => `/kaifang-shuju/schema/${name}.schema.json`,

  district: (district: string) => `/qu/${district}/`,
  street: (street: string) => `/jiedao/${street}/`,

  community: (community: string) => `/shequ/${community}/`,
  communityRss: (community: string) => `/shequ/${community}/rss.xml`,
  communityCalendar: (community: string) => `/shequ/${community}/calendar.ics`,
  /**
   * The same calendar as a subscription: iPhones subscribe to a webcal:// address (and keep it up
   * to date) where an https:// one only imports the meetings once. Needs the site's own origin.
   */
  communityCalendarSubscription: (community: string, site: URL | string) =>
    new URL(routes.communityCalendar(community), site).href.replace(/^https?:/, 'webcal:'),
  /** The committee's next meeting and latest notice, for the lookup's results. */
  communityLatest: (community: string) => `/shequ/${community}/jinqi.json`,
  communityData: (community: string) => `/shequ/${community}/data.json`,
  communityDataCsv: (community: string) => `/shequ/${community}/data.csv`,
  /** The A4 poster for the notice board (海报). */
  communityPoster: (community: string) => `/shequ/${community}/haibao/`,
  notices: (community: string) => `/shequ/${community}/tongzhi/`,
  notice: (community: string, slug: string) => `/shequ/${community}/tongzhi/${slug}/`,
  noticeIcs: (community: string, slug: string) => `/shequ/${community}/tongzhi/${slug}.ics`,
  noticeShareImage: (community: string, slug: string) =>
    `/shequ/${community}/tongzhi/${slug}/share.png`,
  disclosures: (community: string) => `/shequ/${community}/gongkai/`,
  disclosure: (community: string, slug: string) => `/shequ/${community}/gongkai/${slug}/`,
  disclosureCsv: (community: string, slug: string) => `/shequ/${community}/gongkai/${slug}.csv`,
  disclosureShareImage: (community: string, slug: string) =>
    `/shequ/${community}/gongkai/${slug}/share.png`,
  /** The 公开目录; its segment is a reserved disclosure slug (cms/collections/Disclosures). */
  disclosureCatalogue: (community: string) => `/shequ/${community}/gongkai/mulu/`,
  archive: (community: string) => `/shequ/${community}/guidang/`,
  // Later pages live under ye/ (页): a bare /2026/10/ would be both page 10 and the October page.
  archiveYear: (community: string, year: number, page = 1) =>
    `/shequ/${community}/guidang/${year}/${page > 1 ? `ye/${page}/` : ''}`,
  archiveMonth: (community: string, year: number, month: number) =>
    `/shequ/${community}/guidang/${year}/${String(month).padStart(2, '0')}/`,

  cases: () => '/anli/',
  /** The full case list, paginated; page 1 is the library's front page. */
  casesPage: (page: number) => (page > 1 ? `/anli/ye/${page}/` : '/anli/'),
  caseStudy: (slug: string) => `/anli/${slug}/`,
  casesByProblem: (slug: string) => `/anli/wenti/${slug}/`,
  casesByMechanism: (slug: string) => `/anli/jizhi/${slug}/`,
  casesByDistrict: (slug: string) => `/anli/qu/${slug}/`,
  casesByGenre: (genre: string) => `/anli/ticai/${genre}/`,

  brandProjects: () => '/pinpai/',
  brandProject: (slug: string) => `/pinpai/${slug}/`,
}
