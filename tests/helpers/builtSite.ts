import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

import { buildOnce } from './buildOnce.ts'
import { ensureCorpusTemplate } from './corpusTemplate.ts'
import { nodeBin, repoRoot, testCacheDir } from './paths.ts'

/** The moment the test site is built "as of": fixes what counts as upcoming or expired. */
export const BUILD_TIME = '2026-11-22T10:00:00+08:00'

const root = path.join(testCacheDir, 'site')
export const siteDataDir = path.join(root, 'data')
export const siteDir = path.join(root, 'dist')

/**
 * The public site built once per test run, by the real build entry point, from a fresh copy of the
 * corpus database with extra drafts added (tests/helpers/siteFixtures.ts).
 */
export async function ensureBuiltSite(): Promise<string> {
  await buildOnce('site', async () => {
    rmSync(root, { recursive: true, force: true })
    cpSync(await ensureCorpusTemplate(), siteDataDir, { recursive: true })
    const env = {
      ...process.env,
      DATA_DIR: siteDataDir,
      DATABASE_URI: '',
      MEDIA_DIR: '',
      SITE_OUT_DIR: siteDir,
      BUILD_TIME,
      SITE_URL: 'https://example.org',
      CI: '1',
    }
    execFileSync(nodeBin, [path.join(repoRoot, 'tests/helpers/siteFixtures.ts')], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    execFileSync(nodeBin, [path.join(repoRoot, 'cli/build.ts')], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  })
  return siteDir
}

/** Every file of the built site, relative to its root. */
export function siteFiles(dir = siteDir, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = path.join(prefix, name)
    return statSync(path.join(dir, rel)).isDirectory() ? siteFiles(dir, rel) : [rel]
  })
}

export const readSite = (file: string) => readFileSync(path.join(siteDir, file), 'utf8')

/** The output file of a page URL (`/anli/x/` → `anli/x/index.html`). */
export const pageFile = (url: string) =>
  url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1)
