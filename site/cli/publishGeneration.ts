/**
 * Puts a finished build in front of readers all at once. DIST_DIR is a symbolic link to one
 * generation folder; a publish makes the next generation and swaps the link in one rename, so a
 * reader gets either the old site or the new one, never a mix. A generation is made of hard links to
 * the previous one for every file the build left as it was, and copies of the files it changed: on
 * a large site a publish writes what changed, not the whole site (no 200 MB copy), and no file a
 * reader may be reading is ever written in place.
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
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

type Stamps = Record<string, [size: number, mtimeMs: number]>

const generations = (distDir: string) => `${distDir}-generations`

/** The folder DIST_DIR currently points at (null before the first publish). */
export function currentGeneration(distDir: string): string | null {
  if (!existsSync(distDir)) return null
  return lstatSync(distDir).isSymbolicLink() ? realpathSync(distDir) : distDir
}

export function publishGeneration(outDir: string, distDir: string, stampsFile: string) {
  const previous = currentGeneration(distDir)
  // Links are safe only if the served generation is the one this build folder last published:
  // another worker's publish in between may hold newer files than this folder's unchanged ones.
  const last: { generation?: string; files?: Stamps } = existsSync(stampsFile)
    ? JSON.parse(readFileSync(stampsFile, 'utf8'))
    : {}
  const before: Stamps = previous && last.generation === previous ? (last.files ?? {}) : {}
  const next = path.join(generations(distDir), String(Date.now()))
  const stamps: Stamps = {}
  let copied = 0
  let linked = 0
  const walk = (rel: string) => {
    const from = path.join(outDir, rel)
    mkdirSync(path.join(next, rel), { recursive: true })
    for (const name of readdirSync(from)) {
      const relative = path.join(rel, name)
      const stat = statSync(path.join(outDir, relative))
      if (stat.isDirectory()) {
        walk(relative)
        continue
      }
      stamps[relative] = [stat.size, stat.mtimeMs]
      const was = before[relative]
      const unchanged = previous && was && was[0] === stat.size && was[1] === stat.mtimeMs
      if (unchanged && existsSync(path.join(previous, relative))) {
        linkSync(path.join(previous, relative), path.join(next, relative))
        linked += 1
      } else {
        copyFileSync(path.join(outDir, relative), path.join(next, relative))
        copied += 1
      }
    }
  }
  walk('')
  // The swap: a new link beside DIST_DIR, renamed over it (rename is atomic).
  const link = `${distDir}.next-link`
  rmSync(link, { force: true })
  symlinkSync(next, link)
  if (existsSync(distDir) && !lstatSync(distDir).isSymbolicLink()) {
    // A real folder from before generations: kept aside once, then replaced by the link.
    renameSync(distDir, `${distDir}-before-generations`)
  }
  renameSync(link, distDir)
  writeFileSync(stampsFile, JSON.stringify({ generation: realpathSync(next), files: stamps }))
  // Readers of the previous generation may still be streaming a file: it goes at the next publish.
  for (const name of readdirSync(generations(distDir))) {
    const dir = path.join(generations(distDir), name)
    if (dir !== next && dir !== previous) rmSync(dir, { recursive: true, force: true })
  }
  rmSync(`${distDir}-before-generations`, { recursive: true, force: true })
  return { copied, linked, generation: next }
}
