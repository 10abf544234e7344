/**
 * Astro's own log (astro.config.mjs `logger`), less one line per page it kept from the last build:
 * Astro prints every page of the site, 36,000 lines at 10,000 items, on every build, and a publish
 * renders a few dozen. The pages rendered are still listed, with their times.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro'
import nodeLogger from 'astro/logger/node'

/** Astro logs a page as its path (`├─ /…`, no newline, maybe coloured), then `(cached)` or its time. */
const PAGE_PATH = /[├└]─/
const KEPT = /\((cached|restored)\)/

export default function buildLogger(): AstroLoggerDestination {
  const out = nodeLogger()
  let path: AstroLoggerMessage | null = null
  return {
    write(event) {
      if (path) {
        const page = path
        path = null
        if (event.label === 'SKIP_FORMAT' && KEPT.test(event.message)) return
        out.write(page)
      }
      if (!event.newLine && PAGE_PATH.test(event.message)) path = event
      else out.write(event)
    },
  }
}
