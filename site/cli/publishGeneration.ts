/**
 * Puts a finished build in front of readers all at once. DIST_DIR is a symbolic link to one
 * generation folder; a publish makes the next generation and swaps the link in one rename, so a
 * reader gets either the old site or the new one, never a mix. No file a reader may be reading is
 * ever written in place.
 *
 * Two generations are kept: the served one, and the one before it, which a reader who opened a page
 * just before the last swap may still be streaming. The publish after that reuses the older one,
 * whose readers have had a whole build's time to finish: it renames it aside and replaces only the
 * files that differ from the new build, which are the files the last two publishes changed. So a
 * publish touches what changed, not every folder of the site (making and removing the 26,000
 * folders and 50,000 links of a 10,000-item site took about 12 s of every publish). When there is no
 * such generation (the first publishes, or one another build folder published in between), the
 * generation is made afresh: hard links to the served one for the files the build left as they
 * were, copies of the rest.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

type Stamp = [size: number, mtimeMs: number]
export type Stamps = Record<string, Stamp>

/** What a build folder records of its last publish (beside the build folder). */
type LastPublish = {
  /** The generation it made, and the stamp of each file of its build then. */
  generation?: string
  files?: Stamps
  /** The generation it was made from, and every file that differs between the two. */
  base?: string | null
  changed?: string[]
}

const generations = (distDir: string) => `${distDir}-generations`

/** The folder DIST_DIR currently points at (null before the first publish). */
export function currentGeneration(distDir: string): string | null {
  if (!existsSync(distDir)) return null
  return lstatSync(distDir).isSymbolicLink() ? realpathSync(distDir) : distDir
}

const readLastPublish = (stampsFile: string): LastPublish =>
  existsSync(stampsFile) ? JSON.parse(readFileSync(stampsFile, 'utf8')) : {}

/**
 * Publishes `outDir` as the next generation. `stamps` are its files' as the build last saw them
 * (site/cli/build.ts has most of them from pruning the output already: a walk of 50,000 files less).
 */
export function publishGeneration(
  outDir: string,
  distDir: string,
  stampsFile: string,
  stamps: Stamps = stampOutput(outDir),
) {
  const previous = currentGeneration(distDir)
  // What this build folder knows holds only if the served generation is the one it last
  // published: another worker's publish in between may hold newer files than its unchanged ones.
  const last = readLastPublish(stampsFile)
  const ours = previous !== null && last.generation === previous
  const before: Stamps = ours ? (last.files ?? {}) : {}
  const next = newGenerationFolder(distDir)
  // Astro writes some files again with the same bytes at every build (its optimised images, the
  // bundled scripts and styles, pages whose render did not change): those are not changes, and
  // the served generation holds the file to compare with (`before` is empty unless it is ours).
  const changed = Object.keys(stamps).filter(
    (file) =>
      !sameStamp(before[file], stamps[file]) &&
      !(before[file]?.[0] === stamps[file][0] && sameBytes(outDir, previous!, file)),
  )
  for (const file of Object.keys(before)) if (!(file in stamps)) changed.push(file)

  // The generation before the served one, as this build folder made it, is reused when it is there.
  const spare =
    ours && last.base && last.changed && last.base !== previous && existsSync(last.base)
      ? last.base
      : null
  let made: { copied: number; linked: number } | null = null
  if (spare)
    try {
      const partial = `${next}.partial`
      renameSync(spare, partial)
      made = refresh(outDir, partial, stamps, new Set([...last.changed!, ...changed]))
      renameSync(partial, next)
    } catch (error) {
      // The older generation does not match what was recorded of it (changed by hand, say).
      console.warn(`The spare generation could not be reused (${String(error)}); made afresh.`)
      rmSync(`${next}.partial`, { recursive: true, force: true })
    }
  made ??= makeGeneration(outDir, next, ours ? previous : null, stamps, new Set(changed))

  // The swap: a new link beside DIST_DIR, renamed over it (rename is atomic).
  const swap = `${distDir}.next-link`
  rmSync(swap, { force: true })
  symlinkSync(next, swap)
  if (existsSync(distDir) && !lstatSync(distDir).isSymbolicLink()) {
    // A real folder from before generations: kept aside once, then replaced by the link.
    renameSync(distDir, `${distDir}-before-generations`)
  }
  renameSync(swap, distDir)
  const record: LastPublish = {
    generation: realpathSync(next),
    files: stamps,
    // The changes are known only relative to a generation this build folder made.
    base: ours ? previous : null,
    changed: ours ? changed : [],
  }
  writeFileSync(stampsFile, JSON.stringify(record))
  // Readers of the previous generation may still be streaming a file: it stays, for the next
  // publish to reuse. Anything older (one another build folder made, a leftover) goes.
  // By name: `previous` is a real path, which differs when DIST_DIR's folder is reached by a link.
  const keep = new Set([path.basename(next), previous && path.basename(previous)])
  for (const name of readdirSync(generations(distDir)))
    if (!keep.has(name))
      rmSync(path.join(generations(distDir), name), { recursive: true, force: true })
  rmSync(`${distDir}-before-generations`, { recursive: true, force: true })
  return { ...made, generation: next }
}

/**
 * A generation folder named by the time, never one that is there already: two publishes within one
 * millisecond (tiny sites, two build folders) would otherwise write into the served generation.
 */
function newGenerationFolder(distDir: string): string {
  for (let time = Date.now(); ; time += 1) {
    const folder = path.join(generations(distDir), String(time))
    if (!existsSync(folder) && !existsSync(`${folder}.partial`)) return folder
  }
}

/**
 * The stamp (size, modification time) of every file of the build's output, or of the files and
 * folders `parts` within it (those that are there).
 */
export function stampOutput(outDir: string, parts = ['']): Stamps {
  const stamps: Stamps = {}
  const visit = (relative: string) => {
    const stat = statSync(path.join(outDir, relative))
    if (!stat.isDirectory()) stamps[relative] = [stat.size, stat.mtimeMs]
    else
      for (const name of readdirSync(path.join(outDir, relative))) visit(path.join(relative, name))
  }
  for (const part of parts) if (existsSync(path.join(outDir, part))) visit(part)
  return stamps
}

const sameStamp = (was: Stamp | undefined, now: Stamp) =>
  was !== undefined && was[0] === now[0] && was[1] === now[1]

/** Whether `file` holds the same bytes in both folders (false if either has none). */
function sameBytes(a: string, b: string, file: string) {
  try {
    return readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))
  } catch {
    return false
  }
}

/**
 * Every folder and file made now: hard links to `previous` for the files not in `changed`, copies
 * of the rest.
 */
function makeGeneration(
  outDir: string,
  next: string,
  previous: string | null,
  stamps: Stamps,
  changed: Set<string>,
) {
  const made = { copied: 0, linked: 0 }
  // Each folder once, not once per file: a site has about two files per folder.
  const folders = new Set<string>()
  for (const file of Object.keys(stamps)) {
    const target = path.join(next, file)
    const folder = path.dirname(target)
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true })
      folders.add(folder)
    }
    if (previous && !changed.has(file) && existsSync(path.join(previous, file))) {
      linkSync(path.join(previous, file), target)
      made.linked += 1
    } else {
      copyFileSync(path.join(outDir, file), target)
      made.copied += 1
    }
  }
  return made
}

/**
 * An older generation brought up to the build: each file of `differing` copied in anew (never
 * written in place: the unchanged files are hard links shared with the served generation) or, if
 * the build no longer makes it, taken out with the folders it leaves empty.
 */
function refresh(outDir: string, dir: string, stamps: Stamps, differing: Set<string>) {
  const gone = [...differing].filter((file) => !(file in stamps))
  const now = [...differing].filter((file) => file in stamps)
  for (const file of gone) {
    rmSync(path.join(dir, file), { force: true })
    removeEmptyFolders(dir, file)
  }
  for (const file of now) {
    const target = path.join(dir, file)
    rmSync(target, { force: true })
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(path.join(outDir, file), target)
  }
  return { copied: now.length, linked: Object.keys(stamps).length - now.length }
}

/** Takes away the folders a removed file leaves empty (a page that went leaves its folder). */
export function removeEmptyFolders(root: string, relative: string) {
  for (let dir = path.dirname(relative); dir !== '.'; dir = path.dirname(dir)) {
    const full = path.join(root, dir)
    if (!existsSync(full) || readdirSync(full).length > 0) return
    rmdirSync(full)
  }
}
