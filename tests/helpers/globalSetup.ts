import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'

import { chromiumPath } from './browser.ts'
import { testCacheDir } from './paths.ts'

/**
 * Once per run, before any test: the browser tests need Chromium, and the print tests poppler's
 * pdftoppm and pdftotext, so a machine without them hears so once, in a sentence, instead of a
 * stack trace from every test file. Each run then starts without cached databases or sites, so they
 * are rebuilt from this run's sources.
 */
function stop(message: string): never {
  const error = new Error(message)
  error.stack = message
  throw error
}

export default function setup() {
  if (!existsSync(chromiumPath))
    stop(
      `Chromium was not found at ${chromiumPath}: the browser tests need Debian's Chromium and ` +
        'Chinese fonts. Install them with `sudo apt-get install -y chromium fonts-noto-cjk` ' +
        '(or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.',
    )
  if (spawnSync('pdftoppm', ['-v']).error)
    stop(
      'pdftoppm was not found: the print tests read the printed PDFs back with poppler. Install it ' +
        'with `sudo apt-get install -y poppler-utils`, then run `npm test` again.',
    )
  rmSync(testCacheDir, { recursive: true, force: true })
}
