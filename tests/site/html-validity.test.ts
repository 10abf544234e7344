import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, describe, expect, it } from 'vitest'

import { ensureBuiltSite, siteDir, siteFiles } from '../helpers/builtSite.ts'
import { repoRoot } from '../helpers/paths.ts'

/**
 * Every page of the built test site (so every page template, with every kind of content the corpus
 * and the fixtures hold) is valid HTML to the Nu HTML Checker, the W3C's validator (vnu-jar, run on
 * the machine's Java). Warnings are left to people; errors fail.
 */
const VNU = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar')

type Message = { url: string; lastLine?: number; message: string }

beforeAll(async () => {
  await ensureBuiltSite()
})

describe('the built site', () => {
  it('every page is valid HTML (0 errors from the Nu HTML Checker)', async () => {
    const pages = siteFiles().filter((file) => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(100)
    // The checker exits non-zero when it finds errors; its report (JSON, on stderr) is what counts.
    const run = await promisify(execFile)(
      'java',
      ['-jar', VNU, '--errors-only', '--format', 'json', ...pages],
      { cwd: siteDir, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { code?: string; stderr?: string }) => {
      if (error.code === 'ENOENT')
        throw new Error('The Nu HTML Checker needs Java: apt-get install default-jre-headless')
      return { stderr: error.stderr ?? '' }
    })
    const { messages } = JSON.parse(run.stderr) as { messages: Message[] }
    const errors = messages.map(
      (m) => `${path.relative(siteDir, new URL(m.url).pathname)}:${m.lastLine ?? ''} ${m.message}`,
    )
    expect(errors).toEqual([])
  })
})
