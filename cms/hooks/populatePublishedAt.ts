import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Stamp `publishedAt` the first time a document is published, unless it was given explicitly.
 * Seeding stands aside: a content file without a date (a catalogue record) stays without one.
 */
export const populatePublishedAt: CollectionBeforeChangeHook = ({ context, data, originalDoc }) => {
  if (context.seeding) return data
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
