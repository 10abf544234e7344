import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

/** The fields whose change the public must be told about. */
const PUBLIC_FIELDS = [
  'title',
  'category',
  'period',
  'summary',
  'body',
  'lineItems',
  'attachments',
] as const

/** Row IDs of arrays are bookkeeping, not content. */
const comparable = (value: unknown) =>
  JSON.stringify(value ?? null, (key, v) => (key === 'id' ? undefined : v))

/**
 * Every change to a published disclosure needs a change note. When the changed text is published,
 * the note moves to the public correction log (更正记录) with its date, and the note field is cleared.
 */
export const recordCorrection: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (context.seeding || operation !== 'update' || data._status !== 'published' || !originalDoc?.id)
    return data
  // Compare with what the public sees: originalDoc is the latest version, which may be a pending draft.
  const published = await req.payload.findByID({
    collection: 'disclosures',
    id: originalDoc.id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (published?._status !== 'published') return data
  const current = published as unknown as Record<string, unknown>
  const changed = PUBLIC_FIELDS.filter(
    (field) => field in data && comparable(data[field]) !== comparable(current[field]),
  )
  if (changed.length === 0) return data
  const note = typeof data.changeNote === 'string' ? data.changeNote.trim() : ''
  if (!note) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          path: 'changeNote',
          message: '修改已发布的居务公开，须填写更正说明（将在公开页面的“更正记录”中显示）。',
        },
      ],
      req,
    })
  }
  const corrections = [
    ...((current.corrections as unknown[]) ?? []),
    { date: new Date().toISOString(), note },
  ]
  return { ...data, corrections, changeNote: null }
}
