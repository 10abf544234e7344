/**
 * The sitemap (sitemap-index.xml and sitemap-<n>.xml, as search engines expect them), written from
 * the pages a build leaves. It replaces @astrojs/sitemap, which cost about a second of every publish
 * at 22,000 pages: it sorts every address with a locale-aware comparison and streams each one through
 * an XML writer, although one publish changes a handful of them. Here the list of pages is the one
 * pruning has just made, so writing it is a join. Short links (/t/…/) only redirect to pages the
 * sitemap lists already, and the 404 page is no page to visit: neither is listed.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const SITEMAP_INDEX = 'sitemap-index.xml'

/** Addresses per sitemap file, under the protocol's 50,000 (as @astrojs/sitemap's default). */
const URLS_PER_FILE = 45_000

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The address of every page among the output's files (paths relative to it, `a/b/index.html`). */
export function sitemapAddresses(files: Iterable<string>, site: string): string[] {
  const addresses: string[] = []
  for (const file of files) {
    if (file !== 'index.html' && !file.endsWith('/index.html')) continue
    if (file.startsWith('t/')) continue
    addresses.push(new URL(`/${file.slice(0, -'index.html'.length)}`, site).href)
  }
  return addresses.sort()
}

/** Writes the sitemap files into `outDir`; returns their names. */
export function writeSitemap(outDir: string, addresses: string[], site: string): string[] {
  const files: string[] = []
  for (let start = 0; start < addresses.length; start += URLS_PER_FILE) {
    const name = `sitemap-${files.length}.xml`
    const urls = addresses.slice(start, start + URLS_PER_FILE)
    writeFileSync(
      path.join(outDir, name),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n` +
        urls.map((url) => `<url><loc>${xmlText(url)}</loc></url>\n`).join('') +
        '</urlset>\n',
    )
    files.push(name)
  }
  writeFileSync(
    path.join(outDir, SITEMAP_INDEX),
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n` +
      files
        .map((name) => `<sitemap><loc>${xmlText(new URL(`/${name}`, site).href)}</loc></sitemap>\n`)
        .join('') +
      '</sitemapindex>\n',
  )
  return [SITEMAP_INDEX, ...files]
}
