import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { Document, isPair, isScalar, parse as parseYaml, visit } from 'yaml'

import { SLUG_PATTERN } from '../fields/slug.ts'
import type { CollectionSpec } from './fieldSpec.ts'

/** One content file as read from disk, before validation. */
export type RawItem = {
  spec: CollectionSpec
  /** Slug, or the file name for media. */
  key: string
  /** Path relative to the content root, for messages. */
  file: string
  /** Absolute path of the uploaded file itself (media only). */
  upload?: string
  frontMatter: unknown
  body: string
}

export type FileProblem = { file: string; field: string; reason: string }

const EXTENSIONS = { yaml: ['.yaml', '.yml'], markdown: ['.md'] } as const
const MEDIA_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.pdf']
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

function parseYamlText(text: string, file: string, problems: FileProblem[]): unknown {
  try {
    return parseYaml(text) ?? {}
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]
    problems.push({ file, field: '(yaml)', reason: `not valid YAML: ${reason}` })
    return undefined
  }
}

/** Reads every file of one content folder. Problems with the files themselves go to `problems`. */
export function readFolder(root: string, spec: CollectionSpec, problems: FileProblem[]): RawItem[] {
  const dir = path.join(root, spec.folder)
  if (!existsSync(dir)) return []
  const items: RawItem[] = []
  const seen = new Map<string, string>()
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(spec.folder, name)
    const ext = path.extname(name).toLowerCase()
    let key: string
    let frontMatter: unknown
    let body = ''
    let upload: string | undefined
    if (spec.format === 'media') {
      if (ext === '.yaml') continue // metadata, read with its file below
      if (!MEDIA_EXTENSIONS.includes(ext)) {
        problems.push({
          file,
          field: '(file)',
          reason: `unsupported file type; use ${MEDIA_EXTENSIONS.join(', ')}`,
        })
        continue
      }
      key = name
      upload = path.join(dir, name)
      const meta = path.join(dir, `${name}.yaml`)
      frontMatter = existsSync(meta)
        ? parseYamlText(readFileSync(meta, 'utf8'), `${file}.yaml`, problems)
        : {}
    } else {
      if (!(EXTENSIONS[spec.format] as readonly string[]).includes(ext)) {
        if (name !== '.gitkeep') {
          problems.push({
            file,
            field: '(file)',
            reason: `expected a ${EXTENSIONS[spec.format].join(' or ')} file`,
          })
        }
        continue
      }
      key = path.basename(name, ext)
      const text = readFileSync(path.join(dir, name), 'utf8')
      if (spec.format === 'markdown') {
        const match = FRONT_MATTER.exec(text)
        if (!match) {
          problems.push({
            file,
            field: '(front matter)',
            reason: 'must start with a --- YAML front matter --- block',
          })
          continue
        }
        frontMatter = parseYamlText(match[1], file, problems)
        body = match[2]
      } else {
        frontMatter = parseYamlText(text, file, problems)
      }
    }
    if (spec.format !== 'media' && !SLUG_PATTERN.test(key)) {
      problems.push({
        file,
        field: '(file name)',
        reason: 'slug must be lowercase letters, digits and hyphens',
      })
      continue
    }
    const previous = seen.get(key)
    if (previous) {
      problems.push({
        file,
        field: '(file name)',
        reason: `duplicate slug "${key}" (also ${previous})`,
      })
      continue
    }
    seen.set(key, file)
    if (frontMatter === undefined) continue
    if (typeof frontMatter !== 'object' || Array.isArray(frontMatter)) {
      problems.push({ file, field: '(yaml)', reason: 'expected a mapping of field: value' })
      continue
    }
    items.push({ spec, key, file, upload, frontMatter, body })
  }
  return items
}

/** Short lists and groups of plain values print on one line (`period: { year: 2026, quarter: 3 }`). */
const FLOW_MAX_CHARS = 100

function yaml(value: unknown): string {
  const doc = new Document(value)
  visit(doc, {
    Collection(_key, node, path) {
      if (path.length <= 1) return // the file's own top level stays one field per line
      const items = node.items.map((item) => (isPair(item) ? item.value : item))
      const plain = node.items.length > 0 && items.every((item) => isScalar(item))
      node.flow = plain && JSON.stringify(node.toJSON()).length <= FLOW_MAX_CHARS
    },
  })
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

/** The text of a content file in canonical form: what export writes and seed reads. */
export function serialise(
  spec: CollectionSpec,
  values: Record<string, unknown>,
  body: string,
): string {
  if (spec.format !== 'markdown') return yaml(values)
  const head = Object.keys(values).length > 0 ? yaml(values) : ''
  return `---\n${head}---\n${body ? `\n${body}\n` : ''}`
}

/** File name of an item in its folder. */
export const fileNameOf = (spec: CollectionSpec, key: string) =>
  spec.format === 'media' ? `${key}.yaml` : `${key}${spec.format === 'markdown' ? '.md' : '.yaml'}`
