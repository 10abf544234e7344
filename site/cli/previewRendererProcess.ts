/**
 * Starts the draft preview's renderer (site/cli/previewRenderer.ts) and asks it for pages. One
 * renderer per site server, started on the first preview or ahead of it (warm()); should it die,
 * the next preview starts another.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { nodeBin, projectRoot } from '../../cms/paths.ts'
import type { RenderReply, RenderRequest } from './previewRenderer.ts'

/** Longer than a first start at city size takes (Astro's start and the first content sync). */
const RENDER_TIMEOUT_MS = 180_000

export type PreviewRenderer = {
  /** The draft's page, rendered by the site's templates: its HTTP status and HTML. */
  render: (
    draft: RenderRequest['draft'],
  ) => Promise<{ status: number; html: string; missing?: string[] }>
  /** Ends the renderer, and resolves once it has. */
  stop: () => Promise<void>
}

/** This process's environment, with what Astro's development server needs to serve pages. */
function rendererEnv(work: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PREVIEW_DOC: path.join(work, 'draft.json'),
    // Whatever Astro caches, apart from the builds' (the content store a development server keeps
    // in the project's .astro/ whatever this says: site/loaders/payloadLoader.ts sees whose it is).
    ASTRO_CACHE_DIR: path.join(projectRoot, 'node_modules/.astro-preview'),
    // The site server runs in production mode (its builds' React must be the production build),
    // in which Astro's development server does not set itself up.
    NODE_ENV: 'development',
    // In development, Payload would open a WebSocket to Next's reloads on PORT: the admin's, which
    // then never finishes shutting down, waiting for it to close.
    DISABLE_PAYLOAD_HMR: 'true',
  }
  // Nor does it under Vitest, which a test starting the site hands its environment down to.
  delete env.VITEST
  return env
}

export function previewRenderer(): PreviewRenderer {
  // Mode 0700: the draft's file is unpublished content.
  const work = mkdtempSync(path.join(tmpdir(), 'preview-renderer-'))
  let child: { process: ChildProcess; ready: Promise<void> } | null = null
  let nextId = 0
  const waiting = new Map<number, (reply: RenderReply) => void>()

  function started() {
    if (child) return child
    const renderer = spawn(nodeBin, [path.join(projectRoot, 'site/cli/previewRenderer.ts')], {
      cwd: projectRoot,
      env: rendererEnv(work),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    // Messages sent before it listens would be lost: it says when it does.
    const ready = new Promise<void>((resolve) => renderer.once('message', () => resolve()))
    renderer.on('message', (reply: RenderReply | { ready: true }) => {
      if ('id' in reply) waiting.get(reply.id)?.(reply)
    })
    renderer.once('exit', (code, signal) => {
      if (child?.process === renderer) child = null
      for (const [id, answer] of waiting)
        answer({ id, error: `the preview renderer stopped (${signal ?? `exit code ${code}`})` })
    })
    // It must not keep this process running, nor outlive it (it stops when the channel closes).
    renderer.unref()
    renderer.channel?.unref()
    child = { process: renderer, ready }
    return child
  }

  return {
    async render(draft) {
      const { process: renderer, ready } = started()
      const id = (nextId += 1)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          // Hung: the next preview gets a new one.
          renderer.kill('SIGKILL')
          reject(new Error('the preview renderer gave no answer in time'))
        }, RENDER_TIMEOUT_MS)
        waiting.set(id, (reply) => {
          clearTimeout(timer)
          waiting.delete(id)
          if ('error' in reply) reject(new Error(reply.error))
          else resolve({ status: reply.status, html: reply.html, missing: reply.missing })
        })
        void ready.then(() =>
          renderer.send({ id, draft } satisfies RenderRequest, (error) => {
            if (error) waiting.get(id)?.({ id, error: error.message })
          }),
        )
      })
    },
    async stop() {
      const renderer = child?.process
      child = null
      if (renderer && renderer.exitCode === null && renderer.signalCode === null) {
        // Held until it has: a process stopping waits for it.
        renderer.ref()
        const exited = new Promise((resolve) => renderer.once('exit', resolve))
        renderer.kill()
        await exited
      }
      rmSync(work, { recursive: true, force: true })
    },
  }
}
