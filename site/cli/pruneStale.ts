/**
 * Incremental builds write into the same folder every time and leave pages they skip in place, so
 * a page whose document was deleted, unpublished or renamed would stay. After a build, a file is
 * current if this build wrote it, or if it is the kept output of a page Astro skipped (recorded in
 * its incremental-build manifest); anything else is removed. The search bundle is the search
 * index's own (site/cli/searchIndex.ts). Returns what was rendered and what removed, and the stamp
 * of every file kept outside the search bundle, for the publish (site/cli/publishGeneration.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync } from 'node:fs'
import path from 'node:path'

import type { Stamps } from './publishGeneration.ts'

type Manifest = { routes: Record<string, { paths: Record<string, { outputFile: string }> }> }

const PAGE_FILE = /\.(html|xml|ics|csv|json|txt)$/

export function pruneStale(outDir: string, cacheDir: string, builtSince: number, keepDir: string) {
  const manifestFile = path.join(cacheDir, 'incremental-build.json')
  const kept = new Set<string>()
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
    for (const route of Object.values(manifest.routes))
      for (const { outputFile } of Object.values(route.paths))
        kept.add(decodeURI(outputFile).replace(/^\/+/, ''))
  }
  const rendered: string[] = []
  const removed: string[] = []
  const stamps: Stamps = {}
  let pages = 0
  const walk = (dir: string, rel: string): boolean => {
    let empty = true
    // With their types: a folder needs no stat of its own (a quarter of the walk's time).
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const { name } = entry
      const full = path.join(dir, name)
      const relative = rel ? `${rel}/${name}` : name
      if (entry.isDirectory()) {
        if (relative === keepDir) {
          empty = false
          continue
        }
        if (walk(full, relative)) rmdirSync(full)
        else empty = false
        continue
      }
      const stat = statSync(full)
      const fresh = stat.mtimeMs >= builtSince
      if (fresh || kept.has(relative)) {
        empty = false
        stamps[relative] = [stat.size, stat.mtimeMs]
        if (PAGE_FILE.test(name)) {
          pages += 1
          if (fresh) rendered.push(relative)
        }
      } else {
        rmSync(full)
        removed.push(relative)
      }
    }
    return empty
  }
  walk(outDir, '')
  return { rendered, pages, removed, stamps }
}
