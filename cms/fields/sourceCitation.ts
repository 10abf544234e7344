import type { GroupField } from 'payload'

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
        { name: 'page', label: '页码', type: 'number', min: 1 },
      ],
    },
  ],
})
