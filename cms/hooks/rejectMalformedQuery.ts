import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { idProblem, joinsProblem, whereProblem } from '../utilities/queryProblems.ts'

/**
 * Refuses (400, with the reason) an operation whose ID, `where` or `joins` the database could not run, before
 * access rules, hooks or the database see it. Added to every collection, first, by the plugin below.
 */
export const rejectMalformedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, where, joins, draft } = args as {
    id?: unknown
    where?: unknown
    joins?: unknown
    draft?: boolean
  }
  const problem =
    (id !== undefined ? idProblem(req.payload, collection.slug, id) : null) ??
    whereProblem(req.payload, collection, where, { draft: Boolean(draft) }) ??
    joinsProblem(req.payload, collection, joins)
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}

export const rejectMalformedQueries: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectMalformedQuery, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
