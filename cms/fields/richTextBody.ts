import type { RichTextField } from 'payload'

/** The main text of a document, edited in Lexical and loaded from Markdown. */
export const bodyField = (label = '正文'): RichTextField => ({
  name: 'body',
  label,
  type: 'richText',
})
