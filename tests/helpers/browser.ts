import { readFileSync } from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

import { repoRoot } from './paths.ts'

/** Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Debian's Chromium, headless, with nothing reaching outside the machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

let axeSource: string | undefined

/**
 * axe-core's violations on the page as it is now, one line each: the serious and critical ones, and
 * `region` (content outside every landmark), which axe rates moderate but which leaves screen-reader
 * users who jump by landmark unable to reach that content.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8')
  // Evaluated by the browser's debugging protocol rather than added as an inline <script>, which the
  // site's Content-Security-Policy (rightly) refuses.
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
          }>
        }
      }
    ).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    )
}
