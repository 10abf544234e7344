import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { readUploadedFile } from '../uploadedFile.ts'
import { fileNameOf, serialise } from './contentFiles.ts'
import { MarkdownCodec } from './markdown.ts'
import { SPECS } from './specs.ts'
import { StoredContent } from './storedContent.ts'

export type ExportCounts = { written: number; unchanged: number; removed: number }

function writeIfChanged(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false
  writeFileSync(file, text)
  return true
}

/**
 * Writes the database back into the content/ format, one file per document, so `root` mirrors the
 * database: files of documents that no longer exist are removed (git keeps their history).
 */
export async function exportContent(
  payload: Payload,
  root: string,
  log: (line: string) => void = () => {},
) {
  const markdown = await MarkdownCodec.create(payload.config)
  const stored = await StoredContent.load(payload, markdown)
  const counts: Record<string, ExportCounts> = {}
  for (const spec of SPECS) {
    const dir = path.join(root, spec.folder)
    mkdirSync(dir, { recursive: true })
    const keep = new Set<string>()
    const count: ExportCounts = { written: 0, unchanged: 0, removed: 0 }
    for (const doc of stored.all(spec)) {
      const { status, values, body } = stored.canonical(spec, doc)
      const fileValues = status === 'draft' ? { ...values, status } : values
      const name = fileNameOf(spec, String(spec.format === 'media' ? doc.filename : doc.slug))
      let changed = false
      if (spec.format === 'media') {
        const filename = String(doc.filename)
        keep.add(filename)
        const target = path.join(dir, filename)
        const bytes = await readUploadedFile(payload, doc)
        if (!existsSync(target) || !readFileSync(target).equals(bytes)) {
          writeFileSync(target, bytes)
          changed = true
        }
      }
      if (spec.format !== 'media' || Object.keys(fileValues).length > 0) {
        keep.add(name)
        changed = writeIfChanged(path.join(dir, name), serialise(spec, fileValues, body)) || changed
      }
      count[changed ? 'written' : 'unchanged'] += 1
    }
    for (const name of readdirSync(dir)) {
      if (!keep.has(name) && name !== '.gitkeep') {
        rmSync(path.join(dir, name))
        count.removed += 1
      }
    }
    counts[spec.collection] = count
    log(
      `  ${spec.folder.padEnd(20)} ${count.written} written, ${count.unchanged} unchanged, ${count.removed} removed`,
    )
  }
  return counts
}
