import type { Field } from 'payload'

/**
 * Marks a field that content files leave out (cms/seed/fieldSpec.ts): state the CMS computes or a
 * workflow records, not content anybody writes.
 */
export const notInFiles = <F extends Field>(field: F): F => ({
  ...field,
  custom: { ...field.custom, inFiles: false },
})
