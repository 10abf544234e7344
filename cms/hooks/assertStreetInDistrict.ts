import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { idOf, type Ref } from '../utilities/idOf.ts'

/** A document naming both a street and a district must name the street's own district. */
export const assertStreetInDistrict: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const street = idOf(data.street ?? originalDoc?.street)
  const district = idOf(data.district ?? originalDoc?.district)
  if (!street || !district) return data
  const doc = await req.payload.findByID({
    collection: 'streets',
    id: street,
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!doc) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'street', message: '所选街道/镇不存在。' }],
      req,
    })
  }
  if (idOf(doc.district as Ref) !== district) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'district', message: `所选区与街道“${doc.name}”所属的区不一致。` }],
      req,
    })
  }
  return data
}
