import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import {
  PERSONAL_DATA_LABELS,
  scanDocument,
  type PersonalDataHit,
} from '../utilities/personalData.ts'

const describe = (hits: PersonalDataHit[]) =>
  hits
    .map((hit) => `${PERSONAL_DATA_LABELS[hit.kind]} ${hit.value}（${hit.field.split('.')[0]}）`)
    .join('；')

/**
 * Looks for ID-card, mobile and bank-card numbers in the text and tables of a document and shows
 * what it found in `personalDataWarning`. With `block`, publishing is refused until someone ticks
 * `personalDataConfirmed` (for disclosures, where such data must almost never be public).
 */
export const checkPersonalData =
  (fields: string[], { block }: { block: boolean }): CollectionBeforeChangeHook =>
  ({ collection, context, data, originalDoc, req }) => {
    if (context.seeding) return data
    const merged = { ...(originalDoc ?? {}), ...data }
    const hits = scanDocument(merged, fields)
    const warning = hits.length ? `发现疑似个人信息：${describe(hits)}` : null
    if (block && hits.length && data._status === 'published' && !merged.personalDataConfirmed) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [
          {
            path: 'personalDataConfirmed',
            message: `${warning}。请删除后再发布；确需公开的，请勾选“确认可以公开”。`,
          },
        ],
        req,
      })
    }
    return { ...data, personalDataWarning: warning }
  }
