import { rmSync } from 'node:fs'

import { templateDir } from './paths.ts'

/** Each run starts without a corpus template, so it is rebuilt from the content/ of this run. */
export default function setup() {
  rmSync(templateDir, { recursive: true, force: true })
  rmSync(`${templateDir}.lock`, { recursive: true, force: true })
}
