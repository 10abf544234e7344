// The public site: static HTML built from the CMS (see site/content.config.ts). Source in site/,
// output in dist/.
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

import { contentStoreFromFile } from './site/loaders/contentStoreFromFile.ts'
import { siteUrl } from './site/lib/siteUrl.ts'

export default defineConfig({
  site: siteUrl,
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The sitemap is written after the build, from the pages it leaves (site/cli/sitemap.ts).
  // The pages' bundle reads the content store from its file rather than holding a copy of it.
  integrations: [react(), contentStoreFromFile()],
  image: { responsiveStyles: false },
  // Every script a file of its own, never inlined however small, so a Content-Security-Policy can
  // allow scripts by origin (the only inline script is the 长辈模式 snippet, whose hash is fixed).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // Astro's log without a line for each page a build kept (site/cli/buildLogger.ts).
  logger: { entrypoint: './site/cli/buildLogger.ts' },
  // Pages whose cacheKey (site/lib/cacheKey.ts) and templates are unchanged keep their output.
  experimental: { incrementalBuild: true },
  // site/cli/build.ts gives each build its own cache and output folders (site/cli/siteOutput.ts).
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
})
