import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../cms/paths.ts'
import type { PayloadSource } from './payloadSource.ts'

/** Images go where astro:assets can optimise them; other files (PDFs) are published as they are. */
export const imagesDir = path.join(projectRoot, 'site/assets/media')
export const filesDir = path.join(projectRoot, 'site/public/files')

export type MediaAsset = {
  filename: string
  mimeType: string
  filesize: number
  width?: number
  height?: number
  alt: string
  isImage: boolean
  /** Public URL of the original file (attachments). */
  url: string
}

type MediaDoc = {
  filename?: string
  mimeType?: string
  filesize?: number
  width?: number
  height?: number
  alt?: string | null
  url?: string
}

const isImage = (doc: MediaDoc) => Boolean(doc.mimeType?.startsWith('image/'))

let mirrored: Promise<void> | undefined

/**
 * Makes the two media folders hold exactly the files the public may see, once per build and before
 * any page renders: Astro publishes everything in site/public and every image the components'
 * glob imports, used or not, so a copy left from a file that has since become private (its
 * document unpublished or deleted, the file swapped) would otherwise reach dist/. The list comes
 * from the CMS as an anonymous visitor, so the media read rule decides. Copies are only made when
 * missing or of another size. Draft previews leave the folders alone: they never write a file the
 * public build could pick up.
 */
export function mirrorPublicMedia(source: PayloadSource): Promise<void> {
  if (process.env.PREVIEW_DOC) return Promise.resolve()
  mirrored ??= (async () => {
    const docs: MediaDoc[] = []
    for await (const page of source.pages({ collection: 'media', depth: 0 }))
      docs.push(...(page as MediaDoc[]))
    const wanted = new Map<string, Set<string>>([
      [imagesDir, new Set()],
      [filesDir, new Set()],
    ])
    for (const doc of docs) {
      if (!doc.filename) continue
      // Images also get a plain copy for feeds and Open Graph tags, which need a stable URL.
      const dirs = isImage(doc) ? [imagesDir, filesDir] : [filesDir]
      for (const dir of dirs) {
        wanted.get(dir)!.add(doc.filename)
        const target = path.join(dir, doc.filename)
        if (existsSync(target) && statSync(target).size === doc.filesize) continue
        mkdirSync(dir, { recursive: true })
        writeFileSync(target, await source.readFile({ filename: doc.filename, url: doc.url }))
      }
    }
    for (const [dir, keep] of wanted) {
      if (!existsSync(dir)) continue
      for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name))
    }
  })()
  return mirrored
}

/** Describes a published document's file. Null for references the public may not read (IDs). */
export function mediaAsset(ref: unknown): MediaAsset | null {
  if (!ref || typeof ref !== 'object') return null
  const doc = ref as MediaDoc
  if (!doc.filename || !doc.mimeType) return null
  return {
    filename: doc.filename,
    mimeType: doc.mimeType,
    filesize: doc.filesize ?? 0,
    width: doc.width ?? undefined,
    height: doc.height ?? undefined,
    alt: doc.alt ?? '',
    isImage: isImage(doc),
    url: `/files/${encodeURIComponent(doc.filename)}`,
  }
}
