import { readFileSync } from 'node:fs'

import {
  APIError,
  createLocalReq,
  ValidationError,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { readUploadedFile } from '../uploadedFile.ts'
import type { FileProblem } from './contentFiles.ts'
import type { CollectionSpec } from './fieldSpec.ts'
import { loadContent, type ContentItem } from './loadContent.ts'
import { MarkdownCodec } from './markdown.ts'
import { SPECS } from './specs.ts'
import { StoredContent } from './storedContent.ts'
import { toPayload } from './values.ts'

/** Set on every write the seeder makes, so side-effect hooks (site rebuilds) can stand aside. */
export const SEEDING_CONTEXT = { seeding: true }

export type SeedCounts = { created: number; updated: number; unchanged: number }
export type SeedResult =
  { ok: true; counts: Record<string, SeedCounts> } | { ok: false; problems: FileProblem[] }

export const formatProblem = ({ file, field, reason }: FileProblem) =>
  `${file}: ${field}: ${reason}`

const sameContent = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Loads content/ into the CMS. Every file is read and validated before anything is written; the
 * writes then run in one transaction that is rolled back if Payload refuses any document, so the
 * database ends up either with the whole corpus or unchanged. Documents are matched by slug (media
 * by file name) and only written when they differ, so a second run changes nothing.
 */
export async function seedContent(
  payload: Payload,
  root: string,
  log: (line: string) => void = () => {},
): Promise<SeedResult> {
  const markdown = await MarkdownCodec.create(payload.config)
  const { items, problems } = await loadContent(
    root,
    markdown,
    await createLocalReq({ context: SEEDING_CONTEXT }, payload),
  )
  if (problems.length > 0) return { ok: false, problems }

  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req: Partial<PayloadRequest> = { transactionID, context: SEEDING_CONTEXT }
  try {
    const stored = await StoredContent.load(payload, markdown, req)
    const writer = new Writer(payload, stored, markdown, req)
    const counts: Record<string, SeedCounts> = {}
    for (const spec of SPECS) {
      const own = items.filter((item) => item.spec === spec)
      counts[spec.collection] = await writer.writeCollection(spec, own, log)
      if (writer.refused) break
    }
    if (!writer.refused) await writer.writeDeferred()
    if (writer.refused) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID)
      return { ok: false, problems: [writer.refused] }
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return { ok: true, counts }
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

/**
 * Writes canonical items through the Local API. Stops at the first document Payload refuses: Payload
 * ends the transaction when an operation fails, so nothing after that may be written.
 */
class Writer {
  refused: FileProblem | null = null
  private readonly done = new Set<string>()
  private readonly deferred: Array<{ item: ContentItem; fields: string[] }> = []

  private readonly payload: Payload
  private readonly stored: StoredContent
  private readonly markdown: MarkdownCodec
  private readonly req: Partial<PayloadRequest>

  constructor(
    payload: Payload,
    stored: StoredContent,
    markdown: MarkdownCodec,
    req: Partial<PayloadRequest>,
  ) {
    this.payload = payload
    this.stored = stored
    this.markdown = markdown
    this.req = req
  }

  async writeCollection(spec: CollectionSpec, items: ContentItem[], log: (line: string) => void) {
    const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0 }
    const started = Date.now()
    for (const item of items) {
      const outcome = await this.writeItem(item)
      if (!outcome) break
      counts[outcome] += 1
    }
    this.done.add(spec.collection)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    log(
      `  ${spec.folder.padEnd(20)} ${String(items.length).padStart(4)} files: ` +
        `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged (${seconds}s)`,
    )
    return counts
  }

  private async writeItem(item: ContentItem): Promise<keyof SeedCounts | null> {
    const { spec } = item
    const existing = this.stored.get(spec, item.key)
    if (existing && (await this.isUnchanged(item, existing))) return 'unchanged'

    // References to collections not loaded yet (a community's cover image) wait for a second pass.
    const later = Object.entries(spec.fields)
      .filter(
        ([, field]) => (field.kind === 'ref' || field.kind === 'refs') && !this.done.has(field.to),
      )
      .map(([name]) => name)
    const values = Object.fromEntries(
      Object.entries(item.values).filter(([name]) => !later.includes(name)),
    )
    const data = this.toData(item, values)
    for (const name of later) delete data[name]

    const doc = await this.attempt(item, () =>
      existing
        ? this.payload.update({ ...this.args(item, data), id: existing.id })
        : this.payload.create(this.args(item, data)),
    )
    if (!doc) return null
    this.stored.remember(spec, doc as { id: string | number })
    if (later.some((name) => name in item.values)) this.deferred.push({ item, fields: later })
    return existing ? 'updated' : 'created'
  }

  async writeDeferred() {
    for (const { item, fields } of this.deferred) {
      if (this.refused) return
      const data = this.toData(item, item.values)
      const patch = Object.fromEntries(fields.map((name) => [name, data[name]]))
      const id = this.stored.idOf(item.spec.collection, item.key)
      await this.attempt(item, () =>
        this.payload.update({ ...this.args(item, patch), id, context: { ...SEEDING_CONTEXT } }),
      )
    }
  }

  private async isUnchanged(
    item: ContentItem,
    existing: Record<string, unknown> & { id: string | number },
  ) {
    const current = this.stored.canonical(item.spec, existing)
    const same = sameContent(current, { status: item.status, values: item.values, body: item.body })
    if (!same || !item.upload) return same
    return readFileSync(item.upload).equals(await readUploadedFile(this.payload, existing))
  }

  private toData(item: ContentItem, values: Record<string, unknown>): Record<string, unknown> {
    const { spec } = item
    const data = toPayload(values, spec.fields, this.stored.idOf)
    if (spec.format !== 'media') data.slug = item.key
    if (spec.body) Object.assign(data, this.markdown.bodyToFields(item.body, spec.body, []))
    if (spec.drafts) data._status = item.status
    return data
  }

  private args(item: ContentItem, data: Record<string, unknown>) {
    return {
      collection: item.spec.collection as CollectionSlug,
      data,
      depth: 0,
      overrideAccess: true,
      draft: false,
      req: this.req,
      context: SEEDING_CONTEXT,
      // A leftover file of the same name is replaced rather than renamed: the file name is the key.
      ...(item.upload ? { filePath: item.upload, overwriteExistingFiles: true } : {}),
    } as const
  }

  /** Runs one write; a refusal by Payload becomes a problem naming the file and field. */
  private async attempt<T>(item: ContentItem, write: () => Promise<T>): Promise<T | null> {
    try {
      return await write()
    } catch (error) {
      if (error instanceof ValidationError) {
        const [first] = error.data.errors
        this.refused = {
          file: item.file,
          field: first?.path ?? '(document)',
          reason: first?.message ?? error.message,
        }
      } else if (error instanceof APIError) {
        this.refused = { file: item.file, field: '(document)', reason: error.message }
      } else {
        throw error
      }
      return null
    }
  }
}
