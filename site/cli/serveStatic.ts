import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createGzip } from 'node:zlib'

import { HEADERS_FILE, readHeadersFile } from './securityHeaders.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** Text is sent gzipped to clients that accept it, as static hosts do; Pagefind's own files come compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.json',
  '.xml',
  '.ics',
  '.csv',
  '.svg',
  '.txt',
])

/**
 * Serves the built site the way a plain static host does: directories get their index.html, unknown
 * paths get 404.html with status 404, text is gzipped, every answer carries the headers the build
 * wrote into `_headers` (securityHeaders.ts), which is itself not served. Files are looked up on every request, so a
 * rebuilt dist/ (swapped in whole by the builder) is served at once.
 */
export async function serveStatic(
  root: string,
  {
    port = 0,
    host = '127.0.0.1',
    handle,
  }: {
    port?: number
    host?: string
    /** Handles dynamic paths first (the preview endpoint); returns false to fall through to files. */
    handle?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>
  } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    if (handle) {
      try {
        if (await handle(req, res)) return
      } catch (error) {
        if (!res.headersSent)
          res
            .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
            .end('服务器出错，请稍后再试。')
        console.error(error)
        return
      }
    }
    for (const [name, value] of Object.entries(readHeadersFile(root))) res.setHeader(name, value)
    let file = ''
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
      file = path.join(root, pathname)
    } catch {
      // a broken %-escape names no file
    }
    // Outside the site, or the headers file: answered as not found.
    if (!file.startsWith(root) || file === path.join(root, HEADERS_FILE)) file = ''
    if (file && existsSync(file) && statSync(file).isDirectory())
      file = path.join(file, 'index.html')
    let status = 200
    if (!file || !existsSync(file)) {
      status = 404
      file = path.join(root, '404.html')
    }
    if (!existsSync(file)) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('网站正在生成，请稍后刷新。')
      return
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
    if (
      COMPRESSIBLE.has(path.extname(file)) &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    ) {
      res.writeHead(status, {
        'content-type': type,
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
      })
      createReadStream(file).pipe(createGzip()).pipe(res)
      return
    }
    res.writeHead(status, { 'content-type': type })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
