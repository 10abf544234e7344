import { existsSync, rmSync } from 'node:fs'

import { chromiumPath } from './browser.ts'
import { testCacheDir } from './paths.ts'

/**
 * Once per run, before any test: the browser tests need Chromium, so a machine without it hears
 * so once, in a sentence, instead of a stack trace from every browser test file. Each run then
 * starts without cached databases or sites, so they are rebuilt from this run's sources.
 */
export default function setup() {
  if (!existsSync(chromiumPath)) {
    const message =
      `Chromium was not found at ${chromiumPath}: the browser tests need Debian's Chromium and ` +
      'Chinese fonts. Install them with `sudo apt-get install -y chromium fonts-noto-cjk` ' +
      '(or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.'
    const error = new Error(message)
    error.stack = message
    throw error
  }
  rmSync(testCacheDir, { recursive: true, force: true })
}
