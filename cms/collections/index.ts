import type { CollectionConfig, CollectionSlug } from 'payload'

import { BrandProjects } from './BrandProjects/index.ts'
import { CaseStudies } from './CaseStudies/index.ts'
import { CatalogueItems } from './CatalogueItems/index.ts'
import { Communities } from './Communities/index.ts'
import { Disclosures } from './Disclosures/index.ts'
import { Districts } from './Districts/index.ts'
import { Mechanisms } from './Mechanisms/index.ts'
import { Media } from './Media/index.ts'
import { Notices } from './Notices/index.ts'
import { ProblemCategories } from './ProblemCategories/index.ts'
import { ReminderDeliveries } from './ReminderDeliveries/index.ts'
import { Sources } from './Sources/index.ts'
import { Streets } from './Streets/index.ts'
import { SiteRemovals } from './SiteRemovals/index.ts'

import { Users } from './Users/index.ts'

/** Every collection, in the order the admin lists them. */
export const collections: CollectionConfig[] = [
  Communities,
  Notices,
  Disclosures,
  CatalogueItems,
  CaseStudies,
  BrandProjects,
  Media,
  ProblemCategories,
  Mechanisms,
  Districts,
  Streets,
  Sources,
  Users,
  SiteRemovals,
  ReminderDeliveries,
]

export function collectionConfig(slug: CollectionSlug): CollectionConfig {
  const config = collections.find((candidate) => candidate.slug === slug)
  if (!config) throw new Error(`no collection ${slug}`)
  return config
}
