import path from 'node:path'

/**
 * Every npm script runs from the repository root, and so does the admin server; paths are
 * resolved from there rather than from module URLs, which bundlers (Next) rewrite.
 */
export const projectRoot = path.resolve(
  /* turbopackIgnore: true */ process.env.PROJECT_ROOT || process.cwd(),
)

export const cmsDir = path.join(projectRoot, 'cms')

/**
 * The pinned Node (the devDependency `node`), for every process this project starts. A script's
 * `#!/usr/bin/env node` takes whichever Node the PATH has first, which outside npm's scripts is the
 * machine's own (Node 20 here, without node:sqlite).
 */
export const nodeBin = path.join(projectRoot, 'node_modules/.bin/node')

/** Where local state lives; everything under it is generated and git-ignored. */
export const dataDir = path.resolve(projectRoot, process.env.DATA_DIR || '.data')

/** Uploaded files (the embedded default; production may mount a volume here). */
export const mediaDir = path.resolve(
  projectRoot,
  process.env.MEDIA_DIR || path.join(dataDir, 'media'),
)
