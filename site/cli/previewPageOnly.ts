/**
 * A draft preview serves one page (site/cli/preview.ts), so its build renders that page alone:
 * not the pages without parameters, which every build renders (the home page, the case library,
 * the open-data and 找我的居委会 indexes, whose cost grows with the city), nor the draft's other
 * files (its calendar entry, its share image). Astro's own prerenderer renders it; this only cuts
 * the paths it is given to that one, through the hook Astro offers adapters for it.
 */
import type { AstroIntegration } from 'astro'

const withoutSlash = (pathname: string) => pathname.replace(/\/+$/, '')

export function previewPageOnly(page: string): AstroIntegration {
  const wanted = withoutSlash(page)
  return {
    name: 'preview-page-only',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) =>
        setPrerenderer((astro) => ({
          ...astro,
          name: 'preview-page-only',
          getStaticPaths: async () =>
            (await astro.getStaticPaths()).filter(
              ({ pathname }) => withoutSlash(pathname) === wanted,
            ),
        })),
    },
  }
}
