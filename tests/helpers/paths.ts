import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const contentRoot = path.join(repoRoot, 'content')
/** Where globalSetup keeps a database seeded once with the real corpus, copied by each test file. */
export const templateDir = path.join(repoRoot, 'node_modules/.cache/test-template')
export const nodeBin = path.join(repoRoot, 'node_modules/.bin/node')
