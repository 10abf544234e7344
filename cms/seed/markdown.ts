import {
  convertLexicalToMarkdown,
  convertMarkdownToLexical,
  editorConfigFactory,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from 'lexical'
import type { SanitizedConfig } from 'payload'

import type { BodySpec } from './fieldSpec.ts'
import type { FieldProblem } from './values.ts'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
type RichText = SerializedEditorState | null

/** Markdown ↔ Lexical with the project's editor configuration. */
export class MarkdownCodec {
  private readonly editorConfig: EditorConfig

  private constructor(editorConfig: EditorConfig) {
    this.editorConfig = editorConfig
  }

  static async create(config: SanitizedConfig) {
    return new MarkdownCodec(await editorConfigFactory.default({ config }))
  }

  toLexical(markdown: string): RichText {
    const text = markdown.trim()
    return text
      ? (convertMarkdownToLexical({ editorConfig: this.editorConfig, markdown: text }) as RichText)
      : null
  }

  toMarkdown(state: RichText | undefined): string {
    return state
      ? convertLexicalToMarkdown({ data: state, editorConfig: this.editorConfig }).trim()
      : ''
  }

  /** A file body → the rich-text fields it fills. */
  bodyToFields(body: string, spec: BodySpec, problems: FieldProblem[]): Record<string, unknown> {
    if ('field' in spec) return { [spec.field]: this.toLexical(body) }
    const parts = splitSections(body, Object.keys(spec.sections), problems)
    const sections: Record<string, RichText> = {}
    for (const [heading, field] of Object.entries(spec.sections)) {
      sections[field] = this.toLexical(parts[heading] ?? '')
    }
    return { sections }
  }

  /** Rich-text fields of a document → its file body. */
  fieldsToBody(doc: Record<string, unknown>, spec: BodySpec): string {
    if ('field' in spec) return this.toMarkdown(doc[spec.field] as RichText)
    const sections = (doc.sections ?? {}) as Record<string, RichText>
    return Object.entries(spec.sections)
      .map(([heading, field]) => [heading, this.toMarkdown(sections[field])] as const)
      .filter(([, markdown]) => markdown)
      .map(([heading, markdown]) => `## ${heading}\n\n${markdown}`)
      .join('\n\n')
  }
}

/** Splits a body into `## heading` sections, which must be known headings in the spec's order. */
function splitSections(
  body: string,
  headings: string[],
  problems: FieldProblem[],
): Record<string, string> {
  const parts: Record<string, string> = {}
  const lines = body.split(/\r?\n/)
  let current: string | null = null
  let lastIndex = -1
  let strayText = false
  for (const line of lines) {
    const match = /^##\s+(.+?)\s*$/.exec(line)
    if (match) {
      const index = headings.indexOf(match[1])
      if (index === -1) {
        problems.push({
          field: '(body)',
          reason: `unknown section "## ${match[1]}"; use ${headings.map((h) => `## ${h}`).join(', ')}`,
        })
      } else if (index <= lastIndex) {
        problems.push({
          field: '(body)',
          reason: `section "## ${match[1]}" is repeated or out of order`,
        })
      } else {
        current = match[1]
        lastIndex = index
        parts[current] = ''
      }
      continue
    }
    if (current === null) {
      if (line.trim() && !strayText) {
        strayText = true
        problems.push({ field: '(body)', reason: 'text before the first section heading' })
      }
      continue
    }
    parts[current] += `${line}\n`
  }
  return parts
}
