import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const contentRoot = path.join(repoRoot, 'content')
/** Per-run caches of the test suite (cleared by globalSetup at the start of every run). */
export const testCacheDir = path.join(repoRoot, 'node_modules/.cache/tests')
/** A database seeded once with the real corpus, copied by each test file that needs it. */
export const templateDir = path.join(testCacheDir, 'template')
export const nodeBin = path.join(repoRoot, 'node_modules/.bin/node')
