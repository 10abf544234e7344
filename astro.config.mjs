// The public site: static HTML built from the CMS (see site/content.config.ts). Source in site/,
// output in dist/.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react(), sitemap()],
  image: { responsiveStyles: false },
  devToolbar: { enabled: false },
  // Preview builds (site/cli/preview.ts) keep their own cache beside the public build's.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
})
