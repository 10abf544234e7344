import path from 'node:path'

import { projectRoot } from '../../cms/paths.ts'

/** Where the served site lives (DIST_DIR, default dist/). */
export const distDir = path.resolve(projectRoot, process.env.DIST_DIR || 'dist')
