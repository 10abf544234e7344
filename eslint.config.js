// Lint rules, run by `npm test` after Prettier (which owns formatting): typescript-eslint's
// recommended set everywhere, Astro's for the templates, React's hook rules for the search island.
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    // Generated files and data, as in .prettierignore.
    ignores: [
      'content/',
      'cms/migrations/',
      'cms/payload-types.ts',
      'cms/admin/app/(payload)/admin/importMap.js',
      'cms/admin/.next/',
      '.astro/',
      'dist/',
      'dist-*/',
      '.data/',
      'tests/artifacts/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  reactHooks.configs.flat.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
)
