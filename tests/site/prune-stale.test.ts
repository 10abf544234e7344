/**
 * Pruning after an incremental build (site/cli/pruneStale.ts), on real folders: what Astro kept or
 * wrote stays, everything else goes with the folders it leaves empty, and looking only at the files
 * the last build recorded gives the same result as walking the whole folder. Whole builds are
 * compared with full builds in incremental-build.test.ts.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  pruneStale,
  takeOutputRecord,
  writeOutputRecord,
  type AstroOutput,
} from '../../site/cli/pruneStale.ts'

let root: string
let builtSince: number

const yesterday = new Date(Date.now() - 86_400_000)
function write(dir: string, file: string, { old = false } = {}) {
  const full = path.join(dir, file)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, file)
  if (old) utimesSync(full, yesterday, yesterday)
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** An output folder after a build: some files kept from the last build, some written by this one. */
function builtOutput(outDir: string) {
  write(outDir, 'notices/kept/index.html', { old: true })
  write(outDir, 'notices/gone/index.html', { old: true })
  write(outDir, 'notices/gone/share.png', { old: true })
  write(outDir, 'notices/edited/index.html')
  write(outDir, 'notices/new/index.html')
  write(outDir, '_astro/old-bundle.js', { old: true })
  write(outDir, '_astro/bundle.js')
  write(outDir, 'files/a.pdf')
  write(outDir, 'sitemap-1.xml', { old: true })
  write(outDir, 'search/pagefind-entry.json', { old: true })
}
const astroOutput = (outDir: string, publicDir: string): AstroOutput => ({
  pages: ['notices/kept/index.html', 'notices/edited/index.html', 'notices/new/index.html'],
  otherDirs: [
    { from: publicDir, to: outDir },
    { from: path.join(outDir, '_astro'), to: path.join(outDir, '_astro') },
  ],
})
const lastBuild = [
  'notices/kept/index.html',
  'notices/gone/index.html',
  'notices/gone/share.png',
  'notices/edited/index.html',
  '_astro/old-bundle.js',
  'files/a.pdf',
  'sitemap-1.xml',
]

/** What pruning removes of builtOutput with that record: what neither Astro nor this build made. */
const STALE = [
  '_astro/old-bundle.js',
  'notices/gone/index.html',
  'notices/gone/share.png',
  'sitemap-1.xml',
]

const prune = (outDir: string, record: string[] | null) =>
  pruneStale(outDir, builtSince, 'search', astroOutput(outDir, path.join(root, 'public')), record)

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'prune-'))
  write(path.join(root, 'public'), 'files/a.pdf')
  builtSince = Date.now() - 60_000
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('pruneStale', () => {
  it('keeps what Astro kept or wrote and removes the rest, with the folders left empty', () => {
    const outDir = path.join(root, 'out')
    builtOutput(outDir)
    const result = prune(outDir, lastBuild)
    expect(result.removed.sort()).toEqual(STALE)
    expect(result.rendered.sort()).toEqual(['notices/edited/index.html', 'notices/new/index.html'])
    expect(result.pages).toBe(3)
    expect(Object.keys(result.stamps).sort()).toEqual([
      '_astro/bundle.js',
      'files/a.pdf',
      'notices/edited/index.html',
      'notices/kept/index.html',
      'notices/new/index.html',
    ])
    expect(existsSync(path.join(outDir, 'notices/gone'))).toBe(false)
    expect(existsSync(path.join(outDir, 'search/pagefind-entry.json'))).toBe(true)
  })

  it('gives the same result from the last build’s record as from a walk of the whole folder', () => {
    const [recorded, walked] = [path.join(root, 'recorded'), path.join(root, 'walked')]
    builtOutput(recorded)
    cpSync(recorded, walked, { recursive: true, preserveTimestamps: true })
    const fromRecord = prune(recorded, lastBuild)
    const fromWalk = prune(walked, null)
    const sorted = (result: typeof fromRecord) => ({
      ...result,
      rendered: result.rendered.sort(),
      removed: result.removed.sort(),
      stamps: Object.keys(result.stamps).sort(),
    })
    expect(sorted(fromRecord)).toEqual(sorted(fromWalk))
    expect(tree(recorded)).toEqual(tree(walked))
  })

  it('takes a record naming files that are gone, or whose folder is a file now, in its stride', () => {
    const outDir = path.join(root, 'out')
    builtOutput(outDir)
    write(outDir, 'kaifang-shuju/data', { old: true })
    const result = prune(outDir, [
      ...lastBuild,
      'notices/deleted-by-hand/index.html',
      'kaifang-shuju/data/index.html',
    ])
    expect(result.removed.sort()).toEqual(STALE)
  })

  it('without a record, walks the folder: a file no list knows of is removed too', () => {
    const outDir = path.join(root, 'out')
    builtOutput(outDir)
    write(outDir, 'left/by/hand.html', { old: true })
    const result = prune(outDir, null)
    expect(result.removed).toContain('left/by/hand.html')
    expect(existsSync(path.join(outDir, 'left'))).toBe(false)
  })
})

describe('the record of a build’s files', () => {
  it('is taken away when read, so a build that stops halfway leaves none', () => {
    const cacheDir = path.join(root, 'cache')
    mkdirSync(cacheDir)
    writeOutputRecord(cacheDir, '/site/out', ['index.html'])
    expect(takeOutputRecord(cacheDir, '/site/out')).toEqual(['index.html'])
    expect(takeOutputRecord(cacheDir, '/site/out')).toBeNull()
  })

  it('counts for its own output folder only, and not at all when unreadable', () => {
    const cacheDir = path.join(root, 'cache')
    mkdirSync(cacheDir)
    writeOutputRecord(cacheDir, '/site/out', ['index.html'])
    expect(takeOutputRecord(cacheDir, '/preview/out')).toBeNull()
    writeFileSync(path.join(cacheDir, 'output-files.json'), '{"outDir": "/site/o')
    expect(takeOutputRecord(cacheDir, '/site/out')).toBeNull()
  })
})
