/**
 * References in GB/T 7714-2015 (信息与文献 参考文献著录规则), the form Chinese journals and theses ask
 * for, so a researcher can paste a case's source or the page itself into a bibliography:
 *
 *   book         责任者. 题名: 其他题名信息[M]. 出版地: 出版者, 出版年: 页码.
 *   part of one  析出题名[M]//责任者. 题名. 出版地: 出版者, 出版年: 页码.
 *   journal      责任者. 题名[J]. 刊名, 年(期): 页码.
 *   newspaper    责任者. 题名[N]. 报纸名, 出版日期(版次).
 *   web page     责任者. 题名[EB/OL]. (更新日期)[引用日期]. 网址.
 *
 * At most three names, then 等; what the source does not print is said in brackets, as the standard
 * does ([出版地不详]), never guessed.
 */
import { citation as t } from '../i18n/zh.ts'

export type CitedSource = {
  kind: 'book' | 'article' | 'news' | string
  title: string
  /** The responsible persons or bodies (editors of a book, authors of an article). */
  editors: string[]
  place?: string | null
  publisher?: string | null
  /** As printed: 2017, 2017-01 or 2023-05-12. */
  published?: string | null
  /** The journal or newspaper. */
  container?: string | null
  /** Journal issue (08) or newspaper page (版次, 3). */
  issue?: string | null
  /** The article's pages in the journal or paper: 97-107. */
  pages?: string | null
}

/** A part of the source being cited: a case or project printed in a book, and its page. */
export type CitedPart = { title?: string | null; page?: number | null }

const MAX_NAMES = 3

export const citedNames = (names: string[]) =>
  names.length > MAX_NAMES
    ? `${names.slice(0, MAX_NAMES).join(', ')}, ${t.others}`
    : names.join(', ')

/** 走向善治——上海市社区治理实践案例选编 → 走向善治: 上海市社区治理实践案例选编 (other title information). */
const citedTitle = (title: string) => title.replace(/\s*[—–]{1,2}\s*/, ': ').trim()

const year = (published: string | null | undefined) => published?.match(/^\d{4}/)?.[0] ?? null

const sentence = (...parts: (string | null | undefined | false)[]) =>
  parts.filter(Boolean).join('. ') + '.'

function imprint(source: CitedSource, page: number | null | undefined): string {
  const place = source.place?.trim()
  const publisher = source.publisher?.trim()
  const who =
    place && publisher
      ? `${place}: ${publisher}`
      : place
        ? `${place}: [${t.unknownPublisher}]`
        : publisher
          ? `[${t.unknownPlace}]: ${publisher}`
          : `[${t.unknownPlace}: ${t.unknownPublisher}]`
  const when = year(source.published)
  return `${who}${when ? `, ${when}` : ''}${page ? `: ${page}` : ''}`
}

export function gbCitation(source: CitedSource, part: CitedPart = {}): string {
  const names = citedNames(source.editors)
  const title = citedTitle(source.title)
  if (source.kind === 'article') {
    const when = year(source.published)
    const issue = source.issue ? `(${Number(source.issue) || source.issue})` : ''
    const where = `${source.container || `[${t.unknownJournal}]`}${when || issue ? `, ${when ?? ''}${issue}` : ''}`
    const pages = source.pages ? `: ${source.pages}` : ''
    return sentence(names, `${title}[J]`, `${where}${pages}`)
  }
  if (source.kind === 'news') {
    const date =
      source.published && /^\d{4}-\d{2}-\d{2}$/.test(source.published)
        ? source.published
        : year(source.published)
    const where = `${source.container || `[${t.unknownPaper}]`}${date ? `, ${date}` : ''}${source.issue ? `(${source.issue})` : ''}`
    return sentence(names, `${title}[N]`, where)
  }
  if (part.title) {
    // The part has no authors of its own in these books: it is cited by title, in the book.
    const host = sentence(names, title, imprint(source, part.page))
    return `${citedTitle(part.title)}[M]//${host}`
  }
  return sentence(names, `${title}[M]`, imprint(source, part.page))
}

export type CitedPage = {
  author: string
  title: string
  /** Last changed, YYYY-MM-DD (Beijing). */
  updated: string | null
  /** When the reader looked at it, YYYY-MM-DD. */
  accessed: string
  url: string
}

export function gbWebCitation(page: CitedPage): string {
  const dates = `${page.updated ? `(${page.updated})` : ''}[${page.accessed}]`
  return sentence(page.author, `${citedTitle(page.title)}[EB/OL]`, dates, page.url)
}
