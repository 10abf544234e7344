import path from 'node:path'

import type { Payload } from 'payload'

import { openCms } from './open.ts'
import { projectRoot } from './paths.ts'
import { formatProblem, seedContent } from './seed/seedContent.ts'

/**
 * Brings the database up to date (migrations) and, when it holds no content yet, loads content/.
 * Returns the open CMS and whether an admin account still has to be created.
 */
export async function prepareDatabase(
  log: (line: string) => void,
): Promise<{ payload: Payload; needsFirstUser: boolean }> {
  // Payload keeps one instance per process (the site build reuses it), so it stays open.
  const payload = await openCms()
  const { totalDocs: communities } = await payload.count({
    collection: 'communities',
    overrideAccess: true,
  })
  if (communities === 0) {
    log('The database is empty: loading content/ …')
    const started = Date.now()
    const result = await seedContent(payload, path.join(projectRoot, 'content'), log)
    if (!result.ok) {
      for (const problem of result.problems) log(`  ${formatProblem(problem)}`)
      throw new Error(`content/ has ${result.problems.length} problem(s); nothing was loaded.`)
    }
    log(`Loaded content/ in ${((Date.now() - started) / 1000).toFixed(1)}s.`)
  }
  const { totalDocs: users } = await payload.count({ collection: 'users', overrideAccess: true })
  return { payload, needsFirstUser: users === 0 }
}
