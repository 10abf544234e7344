import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { PageChanges } from './searchIndex.ts'

/**
 * The public site's security headers. The Content-Security-Policy allows no inline script or style
 * but the exact ones the built pages contain (the 长辈模式 snippets, Astro's island loader on the
 * search page), by their SHA-256 hashes, found by reading the built HTML; Pagefind's WebAssembly
 * needs 'wasm-unsafe-eval'. The build writes them to `_headers` (the format of Netlify's and
 * Cloudflare Pages' static hosting), and the server `npm start` runs sends what that file says, so
 * the site is served with the same headers wherever it is hosted (README: nginx).
 */
export const HEADERS_FILE = '_headers'

const FIXED: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** A page's inline code, as the hashes the policy must allow. */
type InlineCode = { scripts: string[]; styles: string[]; attrs: string[] }

/** `<script>`/`<style>` elements without a `src`, and `style="…"` attributes, hashed. */
function inlineCode(html: string): InlineCode {
  const scripts = new Set<string>()
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(open!)) continue
    const type = /\btype\s*=\s*"?([^"\s>]+)/i.exec(open!)?.[1]?.toLowerCase()
    // Data blocks (JSON-LD and the like) are not run, so CSP does not apply to them.
    if (type && type !== 'module' && !type.includes('javascript')) continue
    scripts.add(hash(body!))
  }
  const styles = new Set(
    [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => hash(m[1]!)),
  )
  const attrs = new Set([...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => hash(m[1]!)))
  const sorted = (set: Set<string>) => [...set].sort()
  return { scripts: sorted(scripts), styles: sorted(styles), attrs: sorted(attrs) }
}

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const relative = rel ? `${rel}/${name}` : name
    if (statSync(path.join(dir, relative)).isDirectory()) return htmlFiles(dir, relative)
    return name.endsWith('.html') ? [relative] : []
  })
}

/**
 * What the policy was made from, kept between builds so that an incremental build reads only the
 * pages it rendered (at 100,000 pages, reading them all would cost more than the build). Most pages
 * carry the same snippets, so each distinct set is stored once and pages name it.
 */
type HeadersState = { sets: Record<string, InlineCode>; pages: Record<string, string> }
const STATE_FILE = 'headers-state.json'

function updatedState(
  outDir: string,
  stateDir: string | undefined,
  changes: PageChanges | undefined,
): HeadersState {
  const stateFile = stateDir && path.join(stateDir, STATE_FILE)
  const kept =
    changes && stateFile && existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as HeadersState)
      : null
  const state: HeadersState = kept ?? { sets: {}, pages: {} }
  const toRead = kept
    ? changes!.rendered.filter((file) => file.endsWith('.html'))
    : htmlFiles(outDir)
  if (kept) for (const file of changes!.removed) delete state.pages[file]
  for (const file of toRead) {
    const code = inlineCode(readFileSync(path.join(outDir, file), 'utf8'))
    const key = createHash('sha256').update(JSON.stringify(code)).digest('base64url').slice(0, 16)
    state.sets[key] = code
    state.pages[file] = key
  }
  const used = new Set(Object.values(state.pages))
  for (const key of Object.keys(state.sets)) if (!used.has(key)) delete state.sets[key]
  if (stateFile) {
    mkdirSync(stateDir!, { recursive: true })
    writeFileSync(stateFile, JSON.stringify(state))
  }
  return state
}

/**
 * The headers for a built site, its policy allowing exactly the inline code its pages contain.
 * With `stateDir` and the build's `changes`, only the changed pages are read.
 */
export function headersFor(
  outDir: string,
  stateDir?: string,
  changes?: PageChanges,
): Record<string, string> {
  const { sets } = updatedState(outDir, stateDir, changes)
  const all = (pick: (code: InlineCode) => string[]) =>
    [...new Set(Object.values(sets).flatMap(pick))].sort().join(' ')
  const scripts = all((code) => code.scripts)
  const styles = all((code) => code.styles)
  const attrs = all((code) => code.attrs)
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts}`.trim(),
    `style-src 'self' ${styles}${attrs ? ` 'unsafe-hashes' ${attrs}` : ''}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return { 'Content-Security-Policy': policy, ...FIXED }
}

/** Writes `_headers` into a built site: every path gets the same headers. */
export function writeHeadersFile(outDir: string, stateDir?: string, changes?: PageChanges) {
  const lines = Object.entries(headersFor(outDir, stateDir, changes)).map(
    ([name, value]) => `  ${name}: ${value}`,
  )
  writeFileSync(path.join(outDir, HEADERS_FILE), `/*\n${lines.join('\n')}\n`)
}

/**
 * The headers a built site asks for (its `_headers`, read on every request so a swapped-in build
 * counts at once); the fixed ones alone for a site built before the file existed.
 */
export function readHeadersFile(root: string): Record<string, string> {
  const file = path.join(root, HEADERS_FILE)
  if (!existsSync(file)) return { ...FIXED }
  const headers: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line)
    if (match) headers[match[1]!] = match[2]!.trim()
  }
  return headers
}
