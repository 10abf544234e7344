/**
 * The draft preview's renderer, a process of its own that keeps running (started and asked by
 * site/cli/previewRendererProcess.ts): Astro's development server renders a draft's page with the
 * site's own templates in a fraction of a second once it is warm, where a build of even that one
 * page pays Astro's start, a content sync and two Vite builds, seconds that grow with the city.
 *
 * Each preview puts its draft in PREVIEW_DOC's file, refreshes the content store (the loader then
 * reads the draft's community afresh, site/lib/previewTarget.ts) and asks the server for the page.
 * The server listens on 127.0.0.1 and answers this process only (a secret header): a development
 * server hands out the project's files to whoever asks. Its page is handed on without the
 * development scripts (it is the page as without JavaScript, which the site always works as) and
 * with its images as their public copies, so nothing in it points back at the server.
 */
import { randomBytes } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'

import { dev, type AstroIntegration } from 'astro'

import { projectRoot } from '../../cms/paths.ts'
import { clearDraftProblem, draftProblem, previewPage } from '../lib/previewTarget.ts'

export type RenderRequest = { id: number; draft: { collection: string; doc: unknown } }
export type RenderReply =
  | {
      id: number
      status: number
      html: string
      /** The draft's fields that fail the site's schema, when it has no page for that reason. */
      missing?: string[]
    }
  | { id: number; error: string }

const SECRET_HEADER = 'x-preview-renderer'
const secret = randomBytes(24).toString('hex')
const draftFile = process.env.PREVIEW_DOC!

// It waits on its channel for requests, and stops with the process that started it, even when that
// one was killed.
process.on('disconnect', () => process.exit(0))

type DevServer = { port: number; refresh: () => Promise<void> }
let server: Promise<DevServer> | undefined

async function startDevServer(): Promise<DevServer> {
  let refresh: (() => Promise<void>) | undefined
  const captureRefresh: AstroIntegration = {
    name: 'preview-refresh',
    hooks: {
      'astro:server:setup': ({ refreshContent }) => {
        refresh = () => refreshContent!({})
      },
    },
  }
  const devServer = await dev({
    root: projectRoot,
    // Its warnings are about one community's store, not the site: that a community has no notices
    // yet ("does not exist or is empty"), that a draft has no page (the editor is told why). The
    // builds warn of what matters to the site.
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
    integrations: [captureRefresh],
    vite: {
      // Its own cache of pre-bundled modules, apart from `npm run dev`'s.
      cacheDir: 'node_modules/.vite-preview',
      // Templates change with a deployment, which starts this process afresh: nothing to watch.
      server: { watch: null, hmr: false },
      plugins: [
        {
          name: 'preview-renderer-only',
          configureServer: (vite) =>
            void vite.middlewares.use((req, res, next) => {
              if (req.headers[SECRET_HEADER] === secret) return next()
              res.statusCode = 403
              res.end()
            }),
        },
      ],
    },
  })
  if (!refresh) throw new Error('Astro gave the preview renderer no way to refresh its content')
  return { port: devServer.address.port, refresh }
}

/**
 * Development scripts out; images as their public copies (site/public/files, which hold every image
 * the public may see), without the sources of other formats and widths only the server makes.
 */
function withoutDevelopmentParts(html: string): string {
  return html
    .replace(/<script type="module" src="[^"]*"><\/script>/g, '')
    .replace(/<source [^>]*srcset="\/_image\/?\?[^>]*>/g, '')
    .replace(/\/_image\/?\?href=([^&"\s]+)[^"\s,]*/g, (_, href: string) => {
      const file = decodeURIComponent(href).split('?')[0]!.split('/').pop()!
      return `/files/${encodeURIComponent(file)}`
    })
}

async function render({ id, draft }: RenderRequest): Promise<RenderReply> {
  clearDraftProblem()
  // A new file, not the old one rewritten: previewDoc() sees that it changed.
  writeFileSync(`${draftFile}.next`, JSON.stringify(draft))
  renameSync(`${draftFile}.next`, draftFile)
  const starting = server === undefined
  // Its first content sync reads this draft already.
  server ??= startDevServer().catch((error: unknown) => {
    server = undefined
    throw error
  })
  const { port, refresh } = await server
  if (!starting) await refresh()
  const missing = draftProblem()
  if (missing) return { id, status: 422, html: '', missing }
  const page = previewPage()
  if (!page) return { id, status: 404, html: '' }
  const response = await fetch(`http://127.0.0.1:${port}${page}`, {
    headers: { [SECRET_HEADER]: secret },
  })
  return { id, status: response.status, html: withoutDevelopmentParts(await response.text()) }
}

// One at a time: they share the draft's file and the store.
let queue = Promise.resolve()
process.on('message', (request: RenderRequest) => {
  queue = queue.then(async () => {
    const reply = await render(request).catch((error: unknown): RenderReply => ({
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }))
    process.send!(reply)
  })
})
process.send!({ ready: true })
