import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

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

/** `<script>`/`<style>` elements without a `src`, and `style="…"` attributes, with their text. */
function inlineCode(html: string, scripts: Set<string>, styles: Set<string>, attrs: Set<string>) {
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(open!)) continue
    const type = /\btype\s*=\s*"?([^"\s>]+)/i.exec(open!)?.[1]?.toLowerCase()
    // Data blocks (JSON-LD and the like) are not run, so CSP does not apply to them.
    if (type && type !== 'module' && !type.includes('javascript')) continue
    scripts.add(hash(body!))
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    styles.add(hash(body!))
  for (const [, value] of html.matchAll(/\sstyle="([^"]*)"/gi)) attrs.add(hash(value!))
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return htmlFiles(full)
    return name.endsWith('.html') ? [full] : []
  })
}

/** The headers for a built site, its policy allowing exactly the inline code its pages contain. */
export function headersFor(outDir: string): Record<string, string> {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  const attrs = new Set<string>()
  for (const file of htmlFiles(outDir))
    inlineCode(readFileSync(file, 'utf8'), scripts, styles, attrs)
  const sorted = (set: Set<string>) => [...set].sort().join(' ')
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${sorted(scripts)}`.trim(),
    `style-src 'self' ${sorted(styles)}${attrs.size ? ` 'unsafe-hashes' ${sorted(attrs)}` : ''}`.trim(),
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
export function writeHeadersFile(outDir: string) {
  const lines = Object.entries(headersFor(outDir)).map(([name, value]) => `  ${name}: ${value}`)
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
