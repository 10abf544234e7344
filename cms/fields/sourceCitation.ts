import type { GroupField } from 'payload'

import { numberField } from './number.ts'

/** Where a case or project is printed: publication, chapter and page. */
export const sourceCitationField = (required: boolean): GroupField => ({
  name: 'source',
  label: '出处',
  type: 'group',
  fields: [
    {
      name: 'publication',
      label: '出版物',
      type: 'relationship',
      relationTo: 'sources',
      required,
    },
    {
      type: 'row',
      fields: [
        { name: 'chapter', label: '章节', type: 'text' },
        numberField({ name: 'page', label: '页码' }, { min: 1, integer: true }),
      ],
    },
  ],
})
