/**
 * Astro writes the loaders' content store to `<cacheDir>/data-store.json`, then inlines the whole
 * file into the pages' server bundle as one string literal. That bundle is made again on every
 * build, however small the change: at 10,000 items the literal is 12.5 MB, at 100,000 about 190 MB,
 * which Astro reads, checks and quotes, Vite bundles and writes, and Node compiles and parses again.
 * This integration has the bundle read the same file when it runs instead, so the bundle is the same
 * size at any size of city. Builds only: a static build runs its bundle in its own process, straight
 * after Astro has written the store (the dev server keeps Astro's own module).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import type { Plugin } from 'vite'

/** Astro's module of the content store, as Vite resolves it (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content'
/**
 * What Astro marks the module with: content, not code, so a change of content alone does not
 * re-render every page through the module graph's hash. The code here is the same every build
 * anyway; the mark keeps the hash what it was with Astro's own module.
 */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } }

export function contentStoreFromFile(): AstroIntegration {
  let replaced = false
  let file: string | null = null
  const plugin: Plugin = {
    name: 'content-store-from-file',
    enforce: 'pre',
    load(id) {
      // Without a store (no content yet), Astro's own module: an empty one.
      if (id !== STORE_MODULE || !file || !existsSync(file)) return null
      replaced = true
      return {
        code:
          `import { readFileSync } from 'node:fs'\n` +
          `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'))`,
        map: { mappings: '' },
        meta: CONTENT_DATA,
      }
    },
  }
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        file = path.join(fileURLToPath(config.cacheDir), 'data-store.json')
      },
      // First of all the plugins: Astro's own, also run early, would otherwise load the module
      // (reading and quoting the whole file) before this one is asked.
      'astro:build:setup': ({ vite, target }) => {
        if (target === 'server') vite.plugins = [plugin, ...(vite.plugins ?? [])]
      },
      // Should Astro rename its module, builds would still be right, only slower: say so.
      'astro:build:done': ({ logger }) => {
        if (file && existsSync(file) && !replaced)
          logger.warn(
            `the content store went into the pages' bundle whole: ${STORE_MODULE} not seen`,
          )
      },
    },
  }
}
