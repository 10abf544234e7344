import path from 'node:path'

/** Where local state lives; everything under it is generated and git-ignored. */
export const dataDir = path.resolve(process.env.DATA_DIR || '.data')

/** Uploaded files (the embedded default; production may mount a volume here). */
export const mediaDir = path.resolve(process.env.MEDIA_DIR || path.join(dataDir, 'media'))
