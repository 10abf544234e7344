/**
 * Incremental builds write into the same folder every time and leave pages they skip in place, so
 * a page whose document was deleted, unpublished or renamed would stay. After a build, a file is
 * current if this build wrote it, or if it is the output of a page Astro kept (every page it made or
 * kept is in `pages`); anything else is removed. The search bundle is the search index's own
 * (site/cli/searchIndex.ts). Returns what was rendered and what removed, and the stamp of every file
 * kept outside the search bundle, for the publish (site/cli/publishGeneration.ts).
 *
 * Which files to look at: those the last build left (its record, below), this build's pages, and
 * the folders Astro writes besides pages (its bundled assets, the copy of the public folder). So a
 * publish stats the site's files but lists none of its 26,000 folders (a walk of them was 1–1.5 s
 * at 10,000 items). Without a record of the last build (the first build, or one that stopped
 * before it was written) the whole folder is walked.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { removeEmptyFolders, type Stamps } from './publishGeneration.ts'

const PAGE_FILE = /\.(html|xml|ics|csv|json|txt)$/

/** What Astro wrote or kept: every page's file, and the folders it writes the rest into. */
export type AstroOutput = { pages: string[]; otherDirs: { from: string; to: string }[] }

export function pruneStale(
  outDir: string,
  builtSince: number,
  keepDir: string,
  astro: AstroOutput,
  lastBuild: string[] | null,
) {
  const pages = new Set(astro.pages)
  const rendered: string[] = []
  const removed: string[] = []
  const stamps: Stamps = {}
  let pageCount = 0
  const inKeepDir = (relative: string) => relative === keepDir || relative.startsWith(`${keepDir}/`)
  const files =
    lastBuild === null
      ? filesIn(outDir, '', inKeepDir)
      : new Set([
          ...lastBuild,
          ...pages,
          ...astro.otherDirs.flatMap(({ from, to }) =>
            filesIn(from, path.relative(outDir, to), inKeepDir),
          ),
        ])
  for (const relative of files) {
    if (inKeepDir(relative)) continue
    const full = path.join(outDir, relative)
    let stat
    try {
      stat = statSync(full)
    } catch (error) {
      // Listed by the last build and gone since (its folder may be a file now).
      const { code } = error as NodeJS.ErrnoException
      if (code === 'ENOENT' || code === 'ENOTDIR') continue
      throw error
    }
    if (!stat.isFile()) continue
    const fresh = stat.mtimeMs >= builtSince
    if (fresh || pages.has(relative)) {
      stamps[relative] = [stat.size, stat.mtimeMs]
      if (PAGE_FILE.test(relative)) {
        pageCount += 1
        if (fresh) rendered.push(relative)
      }
    } else {
      rmSync(full)
      removeEmptyFolders(outDir, relative)
      removed.push(relative)
    }
  }
  return { rendered, pages: pageCount, removed, stamps }
}

/** Every file under `dir` (which may not exist), as paths under `prefix`, outside the kept folder. */
function filesIn(dir: string, prefix: string, skip: (relative: string) => boolean): string[] {
  const found: string[] = []
  const walk = (full: string, rel: string) => {
    // With their types: a folder needs no stat of its own.
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const relative = rel ? `${rel}/${entry.name}` : entry.name
      if (skip(relative)) continue
      if (entry.isDirectory()) walk(path.join(full, entry.name), relative)
      else found.push(relative)
    }
  }
  if (existsSync(dir)) walk(dir, prefix)
  return found
}

/**
 * The record of the files a build left in its output folder, kept in its cache folder. It is taken
 * away as a build starts and written again when the build is done, so a build that stops halfway
 * (whose files the record would not know) leaves none, and the next build walks the folder.
 */
const recordFile = (cacheDir: string) => path.join(cacheDir, 'output-files.json')
type OutputRecord = { outDir: string; files: string[] }

/** The files the last build into `outDir` left there, or null if that is not known. */
export function takeOutputRecord(cacheDir: string, outDir: string): string[] | null {
  const file = recordFile(cacheDir)
  if (!existsSync(file)) return null
  let record: OutputRecord | null = null
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord
  } catch {
    // Unreadable: as good as none.
  }
  rmSync(file, { force: true })
  return record?.outDir === outDir && Array.isArray(record.files) ? record.files : null
}

export function writeOutputRecord(cacheDir: string, outDir: string, files: string[]) {
  writeFileSync(recordFile(cacheDir), JSON.stringify({ outDir, files } satisfies OutputRecord))
}
