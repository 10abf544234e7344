import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

/** Fields a GraphQL query may ask for in all (aliases count), and how deep it may nest them. */
export const GRAPHQL_LIMITS = { complexity: 500, depth: 8 }

/**
 * A GraphQL validation rule refusing queries nested deeper than `max` fields, through fragments
 * too. Payload's complexity limit counts fields; this stops the deep chains of relationships
 * (community → street → district → …) that stay cheap by count but make the server populate
 * document after document.
 */
export const depthLimit =
  (max: number): ValidationRule =>
  (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)

    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      let deepest = 0
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen))
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen))
        } else {
          const name = selection.name.value
          if (seen.has(name)) continue
          deepest = Math.max(
            deepest,
            depthOf(fragments.get(name)?.selectionSet, new Set([...seen, name])),
          )
        }
      }
      return deepest
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set())
        if (depth > max)
          context.reportError(
            new GraphQLError(`查询嵌套过深：最多 ${max} 层，这个查询有 ${depth} 层。`, {
              nodes: [operation],
            }),
          )
      },
    }
  }
