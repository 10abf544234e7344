import type { Field } from 'payload'

import { slugField } from './slug.ts'

/** The fields of a taxonomy term (problem category, mechanism). */
export const taxonomyTermFields: Field[] = [
  { name: 'name', label: '名称', type: 'text', required: true },
  slugField('name'),
  { name: 'description', label: '说明', type: 'textarea' },
]
