/**
 * Publishing a build as the next generation (site/cli/publishGeneration.ts), on real folders: the
 * served tree is always exactly the build's output, a generation a reader may still be on is never
 * changed, and reusing the older generation gives the same tree as making one afresh.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { publishGeneration } from '../../site/cli/publishGeneration.ts'

let root: string
let outDir: string
let distDir: string
let stampsFile: string
let clock = Date.now() / 1000

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'publish-generation-'))
  outDir = path.join(root, 'site-build/out')
  distDir = path.join(root, 'dist')
  stampsFile = path.join(root, 'site-build/published.json')
  mkdirSync(outDir, { recursive: true })
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** Writes a file of the build's output, with a modification time of its own (as a build does). */
function write(relative: string, text: string) {
  const file = path.join(outDir, relative)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
  clock += 1
  utimesSync(file, clock, clock)
}

/** Every file under `dir` with its text, and every folder (to see empty ones left behind). */
function tree(dir: string) {
  const files: Record<string, string> = {}
  const folders: string[] = []
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relative = path.join(rel, name)
      if (statSync(path.join(dir, relative)).isDirectory()) {
        folders.push(relative)
        walk(relative)
      } else files[relative] = readFileSync(path.join(dir, relative), 'utf8')
    }
  }
  walk('')
  return { files, folders }
}

const generationFolders = () =>
  readdirSync(`${distDir}-generations`).map((name) => path.join(`${distDir}-generations`, name))
const inode = (dir: string, file: string) => statSync(path.join(dir, file)).ino
const text = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8')
const publish = () => publishGeneration(outDir, distDir, stampsFile)

describe('publishing a generation', () => {
  beforeEach(() => {
    write('index.html', 'home v1')
    write('tongzhi/a/index.html', 'notice a v1')
    write('tongzhi/b/index.html', 'notice b v1')
    write('rss.xml', 'feed v1')
    publish()
  })

  it('serves exactly the build, and brings the generation before the served one up to it', () => {
    expect(tree(distDir)).toEqual(tree(outDir))
    const first = realpathSync(distDir)

    write('tongzhi/a/index.html', 'notice a v2')
    rmSync(path.join(outDir, 'tongzhi/b'), { recursive: true })
    write('tongzhi/c/index.html', 'notice c v1')
    // The second publish links to the first: the unchanged files are the same files.
    expect(publish()).toMatchObject({ copied: 2, linked: 2 })
    const second = realpathSync(distDir)
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(inode(second, 'rss.xml')).toBe(inode(first, 'rss.xml'))
    // A reader still on the first generation sees it as it was.
    expect(text(first, 'tongzhi/a/index.html')).toBe('notice a v1')
    expect(text(first, 'tongzhi/b/index.html')).toBe('notice b v1')

    // The third reuses the first: it gets what the second changed and what the third changes.
    write('index.html', 'home v2')
    expect(publish()).toMatchObject({ copied: 3, linked: 1 })
    const third = realpathSync(distDir)
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(existsSync(first)).toBe(false)
    // The second, which a reader may still be on, is untouched.
    expect(text(second, 'index.html')).toBe('home v1')
    expect(text(second, 'tongzhi/a/index.html')).toBe('notice a v2')
    expect(inode(third, 'rss.xml')).toBe(inode(second, 'rss.xml'))

    write('rss.xml', 'feed v2')
    expect(publish()).toMatchObject({ copied: 2, linked: 2 })
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(text(third, 'rss.xml')).toBe('feed v1')
    expect(generationFolders()).toEqual([third, realpathSync(distDir)])
  })

  it('takes a file the build wrote again with the same bytes for unchanged, and one of the same size with others for changed', () => {
    publish()
    const served = realpathSync(distDir)
    // As Astro does with its optimised images and bundles: written again, identical.
    write('rss.xml', 'feed v1')
    // The same size as 'home v1', other bytes: a change.
    write('index.html', 'home v2')
    expect(publish()).toMatchObject({ copied: 1, linked: 3 })
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(inode(realpathSync(distDir), 'rss.xml')).toBe(inode(served, 'rss.xml'))
    // Not recorded as changed either: the publish after, reusing `served`, leaves it as it is.
    expect(publish()).toMatchObject({ copied: 1, linked: 3 })
    expect(tree(distDir)).toEqual(tree(outDir))
  })

  it('follows a file that became a folder, and a folder that became a file', () => {
    write('zhao', 'a file')
    write('t/x/index.html', 'a short link')
    publish()
    publish()
    rmSync(path.join(outDir, 'zhao'))
    write('zhao/index.html', 'now a page')
    rmSync(path.join(outDir, 't/x'), { recursive: true })
    write('t/x', 'now a file')
    publish()
    expect(tree(distDir)).toEqual(tree(outDir))
    publish()
    expect(tree(distDir)).toEqual(tree(outDir))
  })

  it('never writes into the served generation, even when two publishes share a millisecond', () => {
    const served = realpathSync(distDir)
    const otherOut = path.join(root, 'other-build/out')
    mkdirSync(path.join(otherOut, 'tongzhi/a'), { recursive: true })
    writeFileSync(path.join(otherOut, 'tongzhi/a/index.html'), 'notice a v3')
    // The clock as the served generation was named: the next name is taken already.
    vi.spyOn(Date, 'now').mockReturnValue(Number(path.basename(served)))
    try {
      publishGeneration(otherOut, distDir, path.join(root, 'other-build/published.json'))
    } finally {
      vi.restoreAllMocks()
    }
    expect(realpathSync(distDir)).not.toBe(served)
    expect(tree(distDir)).toEqual(tree(otherOut))
    expect(tree(served)).toEqual(tree(outDir))
  })

  it('makes the generation afresh after another build folder published', () => {
    write('tongzhi/a/index.html', 'notice a v2')
    publish()
    // Another worker, with a build folder of its own, publishes its build.
    const otherOut = path.join(root, 'other-build/out')
    mkdirSync(path.join(otherOut, 'tongzhi/a'), { recursive: true })
    writeFileSync(path.join(otherOut, 'tongzhi/a/index.html'), 'notice a v3')
    publishGeneration(otherOut, distDir, path.join(root, 'other-build/published.json'))
    expect(tree(distDir)).toEqual(tree(otherOut))

    // This folder's next publish can trust none of its links: every file is copied.
    write('tongzhi/a/index.html', 'notice a v4')
    expect(publish()).toMatchObject({ copied: 4, linked: 0 })
    expect(tree(distDir)).toEqual(tree(outDir))
    publish()
    expect(tree(distDir)).toEqual(tree(outDir))
  })

  it('keeps the generation before the served one when DIST_DIR is reached through a link', () => {
    mkdirSync(path.join(root, 'real'))
    symlinkSync(path.join(root, 'real'), path.join(root, 'linked'))
    distDir = path.join(root, 'linked/dist')
    publish()
    const first = realpathSync(distDir)
    write('index.html', 'home v2')
    publish()
    expect(text(first, 'index.html')).toBe('home v1')
    write('index.html', 'home v3')
    // The first is reused, not made afresh: one file differs from it.
    expect(publish()).toMatchObject({ copied: 1, linked: 3 })
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(generationFolders()).toHaveLength(2)
  })

  it('recovers from a publish stopped while it brought a generation up to date', () => {
    write('index.html', 'home v2')
    publish()
    const first = generationFolders()[0]
    // A publish that stopped half way: the older generation renamed aside and partly changed.
    renameSync(first, `${first}9.partial`)
    rmSync(path.join(`${first}9.partial`, 'rss.xml'))
    writeFileSync(path.join(`${first}9.partial`, 'rss.xml'), 'half written')
    write('rss.xml', 'feed v2')
    publish()
    expect(tree(distDir)).toEqual(tree(outDir))
    expect(generationFolders()).toHaveLength(2)
  })
})
