import type { Page } from 'playwright-core'

export type SearchRow = {
  url: string
  title: string
  type: string
  community: string
  date: string
  /** Which index found it: pagefind, bigram or both. */
  via: string
}

export type SearchView = {
  state: string
  status: string
  /** titles: the bigram index of titles and summaries alone; full: Pagefind's full text too. */
  scope: string
  bigramUsed: boolean
  results: SearchRow[]
}

/** Waits until the search island has hydrated and finished the search it is running. */
export async function searchSettled(page: Page): Promise<SearchView> {
  await page.waitForSelector('astro-island:not([ssr]) .search-app[data-ready]', { timeout: 30_000 })
  return page.evaluate(() => {
    const app = document.querySelector('.search-app')!
    return {
      state: app.getAttribute('data-state') ?? '',
      status: document.querySelector('.search-status')?.textContent?.trim() ?? '',
      scope: app.getAttribute('data-scope') ?? '',
      bigramUsed: app.getAttribute('data-bigram') === 'used',
      results: [...document.querySelectorAll('.search-results > li')].map((li) => ({
        url: li.querySelector('a')?.getAttribute('href') ?? '',
        title: li.querySelector('a')?.textContent ?? '',
        type: li.querySelector('.badge')?.textContent ?? '',
        community: li.querySelector('.meta > span:not(.badge)')?.textContent ?? '',
        date: li.querySelector('time')?.getAttribute('datetime') ?? '',
        via: li.getAttribute('data-via') ?? '',
      })),
    }
  })
}

/** Opens /sousuo/ with the given query string (a shared link) and returns what it shows. */
export async function openSearch(
  page: Page,
  baseUrl: string,
  query: Record<string, string> = {},
): Promise<SearchView> {
  const search = new URLSearchParams(query).toString()
  await page.goto(`${baseUrl}/sousuo/${search ? `?${search}` : ''}`)
  return searchSettled(page)
}

/** Every result of a search, following the pagination to its last page. */
export async function allResults(
  page: Page,
  baseUrl: string,
  query: Record<string, string>,
): Promise<SearchRow[]> {
  const rows: SearchRow[] = []
  let view = await openSearch(page, baseUrl, query)
  rows.push(...view.results)
  for (let n = 2; await page.locator('.search-pagination a[rel="next"]').count(); n++) {
    await page.locator('.search-pagination a[rel="next"]').click()
    await page.waitForSelector(`.search-app[data-ready][data-page="${n}"]`)
    view = await searchSettled(page)
    rows.push(...view.results)
  }
  return rows
}
