import { ensureAdminBuild } from '../../cms/cli/adminBuild.ts'
import { buildOnce } from './buildOnce.ts'
import { ensureCorpusTemplate } from './corpusTemplate.ts'

/**
 * The production admin build, made (or found up to date) once per test run before any test starts
 * a CMS server, so parallel test files never run two `next build`s into the same folder.
 */
export async function ensureAdminBuilt() {
  const dataDir = await ensureCorpusTemplate()
  await buildOnce('admin', () =>
    ensureAdminBuild(
      {
        ...process.env,
        DATA_DIR: dataDir,
        PAYLOAD_SECRET: 'build-only-secret'.padEnd(40, 'x'),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      () => {},
    ),
  )
}
