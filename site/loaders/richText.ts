import {
  convertLexicalToHTML,
  ListHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from 'lexical'

type Convert = Extract<NonNullable<typeof ListHTMLConverter.listitem>, (...args: never[]) => string>
const listItem = ListHTMLConverter.listitem as Convert

/**
 * Payload's converters, but an item of a bulleted list loses the number Lexical gives every item:
 * `<li value>` is valid only in an `<ol>`.
 */
const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  listitem: (args: Parameters<Convert>[0]) => {
    const html = listItem(args)
    const inOrderedList = (args.parent as { tag?: string } | undefined)?.tag === 'ol'
    return inOrderedList ? html : html.replace(/^(<li[^>]*?)\s+value="[^"]*"/, '$1')
  },
})

/** Rich text (Lexical JSON) → HTML, at build time; empty when there is no text. */
export function richTextToHtml(state: unknown): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  return convertLexicalToHTML({
    data: state as SerializedEditorState,
    disableContainer: true,
    converters,
  })
}
