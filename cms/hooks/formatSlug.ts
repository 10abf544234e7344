import type { CollectionSlug, FieldHook } from 'payload'
import { pinyin } from 'pinyin-pro'

const MAX_SYLLABLES = 8

/** Lowercase ASCII words joined by '-': what a slug looks like in a shared URL. */
export function slugify(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .slice(0, MAX_SYLLABLES)
    .join('-')
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off before anything else, so "Résumé" stays one word
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
}

/**
 * Fills an empty slug from the document's title field, in pinyin, so staff never type one by hand
 * (Chinese characters in shared URLs turn into unreadable percent-escapes). Generated slugs get a
 * numeric suffix when taken (a notice title repeats every year); slugs typed by hand are kept as
 * they are and checked for uniqueness by the field itself.
 */
export const formatSlug =
  (fromField: string): FieldHook =>
  async ({ value, data, originalDoc, collection, req }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    const source = data?.[fromField] ?? originalDoc?.[fromField]
    if (typeof source !== 'string') return value
    const base = slugify(source) || 'item'
    if (!collection) return base
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return candidate
    }
  }
