import { rmSync } from 'node:fs'

import { testCacheDir } from './paths.ts'

/** Each run starts without cached databases or sites, so they are rebuilt from this run's sources. */
export default function setup() {
  rmSync(testCacheDir, { recursive: true, force: true })
}
