/**
 * 找我的居委会 in the browser: fetches the lookup index the first time the box is used, answers as the
 * resident types (matchAddress.ts), and for the committees shown fetches their next meeting and latest
 * notice. Everything is drawn with textContent: names come from staff input and are never HTML.
 */
import { lookup as t } from '../../i18n/zh.ts'
import { readLookupIndex, type LookupIndex } from '../../lookup/lookupFormat.ts'
import { createMatcher, type Answer, type Found } from '../../lookup/matchAddress.ts'
import { NUMBER_UNIT_LABELS } from '../../../cms/labels.ts'
import { roadText } from '../../lookup/serviceAreaText.ts'
import { routes } from '../../lib/routes.ts'

const DEBOUNCE_MS = 120
const WITH_LATEST = 5

type Latest = {
  nextMeeting: { title: string; url: string; when: string; place: string } | null
  latestNotice: { title: string; url: string; when: string } | null
}
const latest = new Map<string, Promise<Latest | null>>()
const latestOf = (slug: string) => {
  if (!latest.has(slug))
    latest.set(
      slug,
      fetch(routes.communityLatest(slug))
        .then((r) => (r.ok ? (r.json() as Promise<Latest>) : null))
        .catch(() => null),
    )
  return latest.get(slug)!
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}
const link = (href: string, text: string) => Object.assign(el('a', text), { href })

const range = (found: Found) =>
  found.via.kind === 'road' ? roadText({ ...found.via.range, road: found.via.text }) : ''

function via(found: Found): string {
  const v = found.via
  if (v.kind === 'estate') return `${t.viaEstate}：${v.text}`
  if (v.kind === 'alias') return `${t.viaAlias(v.estate)}：${v.text}`
  if (v.kind === 'former') return `${t.viaFormer(v.estate)}：${v.text}`
  if (v.kind === 'road') return `${t.viaRoad}：${range(found)}`
  return `${t.viaCommunity}：${v.text}`
}

function communityItem(found: Found, index: number): HTMLLIElement {
  const item = el('li')
  const title = el('p', undefined, 'lookup-name')
  title.append(link(routes.community(found.community.slug), found.community.name))
  item.append(title)
  if (found.community.place) item.append(el('p', found.community.place, 'meta'))
  item.append(el('p', via(found), 'lookup-via'))
  if (index < WITH_LATEST) {
    const news = el('div', undefined, 'lookup-latest')
    item.append(news)
    void latestOf(found.community.slug).then((info) => {
      if (!info) return
      const line = (label: string, entry: { title: string; url: string }, extra: string) => {
        const p = el('p')
        p.append(el('span', `${label}：`, 'lookup-label'), link(entry.url, entry.title), extra)
        news.append(p)
      }
      if (info.nextMeeting)
        line(
          t.nextMeeting,
          info.nextMeeting,
          `（${info.nextMeeting.when}${info.nextMeeting.place ? `，${info.nextMeeting.place}` : ''}）`,
        )
      if (info.latestNotice)
        line(t.latestNotice, info.latestNotice, `（${info.latestNotice.when}）`)
      if (!info.nextMeeting && !info.latestNotice) news.append(el('p', t.noNews, 'meta'))
    })
  }
  return item
}

function render(answer: Answer, results: HTMLElement, browse: string) {
  results.replaceChildren()
  const list = (found: Found[]) => {
    const ul = el('ul', undefined, 'item-list lookup-list')
    ul.append(...found.map(communityItem))
    return ul
  }
  const browseLink = () => {
    const p = el('p')
    p.append(link(browse, t.browse))
    return p
  }
  if (answer.kind === 'empty') return
  if (answer.kind === 'names') {
    if (!answer.found.length)
      return results.append(el('p', t.none(answer.query), 'callout'), browseLink())
    results.append(
      el('p', t.found(answer.found.length + answer.more), 'lookup-count'),
      list(answer.found),
    )
    if (answer.more) results.append(el('p', t.more(answer.more), 'meta'))
    return
  }
  const address = `${answer.road}${answer.number}${answer.unit ? NUMBER_UNIT_LABELS[answer.unit] : ''}`
  if (answer.inside.length)
    return results.append(
      el('p', t.inside(address, answer.inside.length), 'lookup-count'),
      list(answer.inside),
    )
  const known = el('ul', undefined, 'lookup-ranges')
  for (const found of answer.known) {
    const li = el('li', `${range(found)} — `)
    li.append(link(routes.community(found.community.slug), found.community.name))
    known.append(li)
  }
  results.append(
    el('p', t.outside(address), 'callout'),
    el('p', t.outsideKnown),
    known,
    browseLink(),
  )
}

for (const root of document.querySelectorAll<HTMLElement>('[data-lookup]')) {
  const form = root.querySelector<HTMLFormElement>('[data-lookup-form]')!
  const input = root.querySelector<HTMLInputElement>('[data-lookup-input]')!
  const results = root.querySelector<HTMLElement>('[data-lookup-results]')!
  const browse = root.dataset.browse ?? routes.findCommittee()
  let matcher: Promise<ReturnType<typeof createMatcher>> | undefined
  const load = () =>
    (matcher ??= fetch(root.dataset.index!)
      .then((r) => {
        if (!r.ok) throw new Error(`lookup index: HTTP ${r.status}`)
        return r.json() as Promise<LookupIndex>
      })
      .then((index) => createMatcher(readLookupIndex(index))))

  let loaded = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = ''
  const run = async () => {
    const query = input.value
    asked = query
    if (!query.trim()) return results.replaceChildren()
    try {
      // The index is fetched once; on a slow connection say that something is happening.
      if (!loaded) results.replaceChildren(el('p', t.loading, 'meta'))
      const match = await load()
      loaded = true
      if (asked === query) render(match(query), results, browse)
    } catch {
      matcher = undefined
      results.replaceChildren(el('p', t.error, 'callout'))
    }
  }
  input.addEventListener('focus', () => void load().catch(() => (matcher = undefined)), {
    once: true,
  })
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, DEBOUNCE_MS)
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    void run()
  })
  // /zhao/?q=… (the form sent without JavaScript having run yet, or a shared link).
  const query = new URLSearchParams(location.search).get('q')
  if (query && !input.value) {
    input.value = query
    void run()
  }
}
