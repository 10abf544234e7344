import type { FieldHook } from 'payload'
import { pinyin } from 'pinyin-pro'

const MAX_SYLLABLES = 8

/** Lowercase ASCII words joined by '-': what a slug looks like in a shared URL. */
export function slugify(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .slice(0, MAX_SYLLABLES)
    .join('-')
  return latin
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
}

/**
 * Fills an empty slug from the document's title field, in pinyin, so staff never type one by hand
 * (Chinese characters in shared URLs turn into unreadable percent-escapes).
 */
export const formatSlug =
  (fromField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    const source = data?.[fromField] ?? originalDoc?.[fromField]
    return typeof source === 'string' ? slugify(source) : value
  }
