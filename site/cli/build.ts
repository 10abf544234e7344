/**
 * Builds the public site from the published content and indexes it for search. The entry point,
 * which opens the database first, is cli/build.ts.
 *
 * Builds are incremental: Astro keeps the output of every page whose cacheKey (the digest of what
 * it shows, site/lib/cacheKey.ts) and templates are unchanged, the content loader reads only what
 * changed since the last build, and pages whose documents went are pruned. The served site
 * (DIST_DIR) then gets the result as a whole new generation (site/cli/publishGeneration.ts), so a
 * server never sees a half-built site. SITE_OUT_DIR builds straight into another folder instead.
 */
import './productionMode.ts'

import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build, type AstroIntegration } from 'astro'

import { projectRoot } from '../../cms/paths.ts'
import { siteUrl } from '../lib/siteUrl.ts'
import { pruneStale, takeOutputRecord, writeOutputRecord, type AstroOutput } from './pruneStale.ts'
import { publishGeneration, stampOutput } from './publishGeneration.ts'
import { indexSite, SEARCH_BUNDLE } from './searchIndex.ts'
import { HEADERS_FILE, writeHeadersFile } from './securityHeaders.ts'
import { sitemapAddresses, writeSitemap } from './sitemap.ts'
import { distDir, siteOutput } from './siteOutput.ts'

export { distDir }

/** Files written this long before the build started are the previous build's (coarse clocks). */
const CLOCK_SLACK_MS = 100

export async function buildSite(log: (line: string) => void = console.log) {
  // The content loader adds PREVIEW_DOC's draft to the store: only ever for the preview renderer
  // (site/cli/previewRenderer.ts), whose pages nobody but staff sees. A build would publish it.
  if (process.env.PREVIEW_DOC)
    throw new Error('PREVIEW_DOC is set: a site build never includes a draft (unset it).')
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const started = Date.now()
  // How long each step took, for the last line: where a publish's seconds go.
  const steps: string[] = []
  let stepStarted = started
  const stepDone = (step: string) => {
    steps.push(`${step} ${((Date.now() - stepStarted) / 1000).toFixed(1)}s`)
    stepStarted = Date.now()
  }
  const { outDir, cacheDir, publish } = siteOutput()
  // Astro bundles the pages' server code into outDir/.prerender when outDir lies within the working
  // folder, else into <working folder>/.astro/.prerender. Every build from the project's root with
  // its output elsewhere (tests, a DATA_DIR outside the project) would share that one,
  // and delete its chunks under another build still rendering. So each output folder has a working
  // folder of its own, inside the project, where the bundle still finds node_modules.
  // The site's modules, loaded by Astro after the move, find the project by PROJECT_ROOT
  // (cms/paths.ts), not by the working folder.
  process.env.PROJECT_ROOT ||= projectRoot
  const workingFolder = process.cwd()
  const ownFolder = path.join(
    projectRoot,
    'node_modules/.cache/site-builds',
    createHash('sha256').update(outDir).digest('hex').slice(0, 16),
  )
  mkdirSync(ownFolder, { recursive: true })
  // Taken before Astro writes: a build that stops halfway leaves no record that misses its files.
  const lastBuild = takeOutputRecord(cacheDir, outDir)
  const astro: AstroOutput = { pages: [], otherDirs: [] }
  process.chdir(ownFolder)
  try {
    await build({
      root: projectRoot,
      outDir,
      cacheDir,
      integrations: [recordAstroOutput(outDir, astro)],
      // Always the same: Astro hashes every page's dependencies differently at another log level,
      // so a build at 'warn' after one at 'info' (a worker's after npm start's) rendered every page.
      logLevel: 'info',
      // Skipped pages stay where they are; pruneStale takes away what no longer belongs.
      vite: { build: { emptyOutDir: false } },
    })
  } finally {
    process.chdir(workingFolder)
    // What Astro leaves there is its bundle's folder, emptied: a test's would stay for good.
    rmSync(ownFolder, { recursive: true, force: true })
  }
  stepDone('Astro')
  const { rendered, pages, removed, stamps } = pruneStale(
    outDir,
    started - CLOCK_SLACK_MS,
    SEARCH_BUNDLE,
    astro,
    lastBuild,
  )
  stepDone('pruning')
  // Indexed before publishing, so a served site never has pages without their search index.
  const sitemap = writeSitemap(outDir, sitemapAddresses(Object.keys(stamps), siteUrl), siteUrl)
  await indexSite(outDir, cacheDir, { rendered, removed }, { log })
  writeHeadersFile(outDir, cacheDir, { rendered, removed })
  stepDone('sitemap and search index')
  // What pruning left is stamped already; the sitemap, search bundle and headers were written since.
  const published = publish
    ? publishGeneration(outDir, distDir, path.join(path.dirname(outDir), 'published.json'), {
        ...stamps,
        ...stampOutput(outDir, [SEARCH_BUNDLE, HEADERS_FILE, ...sitemap]),
      })
    : null
  // For the next build's pruning (the search bundle is the search index's to keep).
  writeOutputRecord(cacheDir, outDir, [...Object.keys(stamps), HEADERS_FILE, ...sitemap])
  if (published) stepDone('publishing')
  log(
    `Site built in ${((Date.now() - started) / 1000).toFixed(1)}s: ${rendered.length} of ${pages} pages rendered, ${removed.length} files removed` +
      (published ? `, ${published.copied} files published, ${published.linked} kept` : '') +
      ` → ${path.relative(projectRoot, published ? distDir : outDir)}/ (${steps.join(', ')})`,
  )
}

/**
 * Astro's own account of what it wrote (site/cli/pruneStale.ts): the file of every page it rendered
 * or kept, and the folders it writes the rest into (its bundled scripts, styles and images, and the
 * copy of the public folder).
 */
function recordAstroOutput(outDir: string, into: AstroOutput): AstroIntegration {
  return {
    name: 'record-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        const assetsDir = path.join(outDir, config.build.assets)
        into.otherDirs.push(
          { from: fileURLToPath(config.publicDir), to: outDir },
          { from: assetsDir, to: assetsDir },
        )
      },
      'astro:build:done': ({ assets }) => {
        for (const files of assets.values())
          for (const file of files) into.pages.push(path.relative(outDir, fileURLToPath(file)))
      },
    },
  }
}
