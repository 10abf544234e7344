import { BrandProjects } from '../collections/BrandProjects/index.ts'
import { CaseStudies } from '../collections/CaseStudies/index.ts'
import { Communities } from '../collections/Communities/index.ts'
import { Disclosures } from '../collections/Disclosures/index.ts'
import { Districts } from '../collections/Districts/index.ts'
import { Mechanisms } from '../collections/Mechanisms/index.ts'
import { Media } from '../collections/Media/index.ts'
import { Notices } from '../collections/Notices/index.ts'
import { ProblemCategories } from '../collections/ProblemCategories/index.ts'
import { Sources } from '../collections/Sources/index.ts'
import { Streets } from '../collections/Streets/index.ts'
import { collectionSpec, type CollectionSpec } from './fieldSpec.ts'

/**
 * Every folder of content/, in the order it is loaded: a collection comes after the ones it
 * references (references to later collections, like a community's cover image, are filled in a
 * second pass). Each folder's fields are those of its collection config.
 */
export const SPECS: CollectionSpec[] = [
  Sources,
  Districts,
  Streets,
  ProblemCategories,
  Mechanisms,
  Communities,
  Media,
  BrandProjects,
  CaseStudies,
  Notices,
  Disclosures,
].map((config) => collectionSpec(config, config.slug))
