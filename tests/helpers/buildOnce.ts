import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { testCacheDir } from './paths.ts'

/**
 * Runs `build` once per test run, however many test files (in parallel workers) ask for it: the
 * first takes a lock directory and builds, the others wait for its "ready" marker.
 */
export async function buildOnce(name: string, build: () => Promise<void> | void): Promise<void> {
  const ready = path.join(testCacheDir, `${name}.ready`)
  const lock = path.join(testCacheDir, `${name}.lock`)
  mkdirSync(testCacheDir, { recursive: true })
  for (;;) {
    if (existsSync(ready)) return
    try {
      mkdirSync(lock)
    } catch {
      await sleep(250)
      continue
    }
    try {
      if (!existsSync(ready)) {
        await build()
        writeFileSync(ready, '')
      }
      return
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
}
