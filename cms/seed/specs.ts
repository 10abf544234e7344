import { collectionConfig } from '../collections/index.ts'
import { CONTENT_TYPES } from '../contentTypes.ts'
import { collectionSpec, type CollectionSpec } from './fieldSpec.ts'

/**
 * Every folder of content/, in the order it is loaded (cms/contentTypes.ts), each with the fields
 * of its collection config. References to collections loaded later, like a community's cover
 * image, are filled in a second pass.
 */
export const SPECS: CollectionSpec[] = CONTENT_TYPES.map((type) =>
  collectionSpec(collectionConfig(type.collection), type.folder),
)
