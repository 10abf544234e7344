import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from 'lexical'

/** Rich text (Lexical JSON) → HTML, at build time; empty when there is no text. */
export function richTextToHtml(state: unknown): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  return convertLexicalToHTML({ data: state as SerializedEditorState, disableContainer: true })
}
