import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { PayloadSource } from './payloadSource.ts'

/** Images go where astro:assets can optimise them; other files (PDFs) are published as they are. */
export const imagesDir = path.resolve('site/assets/media')
export const filesDir = path.resolve('site/public/files')

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

const same = (file: string, bytes: Uint8Array) =>
  existsSync(file) &&
  createHash('sha1').update(readFileSync(file)).digest('hex') ===
    createHash('sha1').update(bytes).digest('hex')

/**
 * Copies an uploaded file next to the site sources (only when its bytes changed) and describes it.
 * Returns null for references the public may not read (unpopulated IDs).
 */
export async function syncMedia(ref: unknown, source: PayloadSource): Promise<MediaAsset | null> {
  if (!ref || typeof ref !== 'object') return null
  const doc = ref as MediaDoc
  if (!doc.filename || !doc.mimeType) return null
  const isImage = doc.mimeType.startsWith('image/')
  const dir = isImage ? imagesDir : filesDir
  mkdirSync(dir, { recursive: true })
  const target = path.join(dir, doc.filename)
  const bytes = await source.readFile({ filename: doc.filename, url: doc.url })
  if (!same(target, bytes)) writeFileSync(target, bytes)
  // Images also get a plain copy for feeds and Open Graph tags, which need a stable URL.
  if (isImage) {
    mkdirSync(filesDir, { recursive: true })
    const plain = path.join(filesDir, doc.filename)
    if (!same(plain, bytes)) writeFileSync(plain, bytes)
  }
  return {
    filename: doc.filename,
    mimeType: doc.mimeType,
    filesize: doc.filesize ?? bytes.byteLength,
    width: doc.width ?? undefined,
    height: doc.height ?? undefined,
    alt: doc.alt ?? '',
    isImage,
    url: `/files/${encodeURIComponent(doc.filename)}`,
  }
}
