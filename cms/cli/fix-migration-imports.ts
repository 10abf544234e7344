/**
 * Payload generates migrations that import types as values (`import { MigrateUpArgs, sql }`), which
 * Node's type stripping cannot run. Mark those names `type` so the migrations load with plain Node.
 * Runs after `payload migrate:create` (see the npm script); idempotent.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const dir = path.resolve(import.meta.dirname, '../migrations')
for (const file of readdirSync(dir).filter((name) => /^\d.*\.ts$/.test(name))) {
  const full = path.join(dir, file)
  const source = readFileSync(full, 'utf8')
  const fixed = source.replace(
    /\b(?<!type )(MigrateUpArgs|MigrateDownArgs)\b(?=[^\n]*from ')/g,
    'type $1',
  )
  if (fixed !== source) {
    writeFileSync(full, fixed)
    console.log(`fixed type imports in ${file}`)
  }
}
