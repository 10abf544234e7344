/**
 * Builds dist/ from the published content and indexes it for search (dist/pagefind/). The entry
 * point, which opens the database first, is cli/build.ts.
 *
 * The site is built into a staging folder and swapped in whole, so a server serving dist/ never sees
 * a half-built site. SITE_OUT_DIR builds straight into another folder instead (no swap, no digest).
 */
import './productionMode.ts'

import { existsSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'

import { build } from 'astro'

import { projectRoot } from '../../cms/paths.ts'
import { distDir } from './distDir.ts'
import { indexSite } from './searchIndex.ts'

export { distDir }

export async function buildSite(log: (line: string) => void = console.log) {
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  const started = Date.now()
  const target = process.env.SITE_OUT_DIR
  const staging = `${distDir}-staging`
  if (!target) process.env.SITE_OUT_DIR = staging
  try {
    await build({ root: projectRoot, logLevel: process.env.CI ? 'warn' : 'info' })
  } finally {
    if (!target) delete process.env.SITE_OUT_DIR
  }
  // Indexed before the swap, so a served site never has pages without their search index. A draft
  // preview (PREVIEW_DOC) serves one page from a throwaway build and needs none.
  if (!process.env.PREVIEW_DOC) await indexSite(target ?? staging, log)
  if (!target) {
    const old = `${distDir}-old`
    rmSync(old, { recursive: true, force: true })
    if (existsSync(distDir)) renameSync(distDir, old)
    renameSync(staging, distDir)
    rmSync(old, { recursive: true, force: true })
  }
  log(
    `Site built in ${((Date.now() - started) / 1000).toFixed(1)}s → ${path.relative(projectRoot, target ?? distDir)}/`,
  )
}
