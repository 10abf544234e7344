/**
 * Runs after `payload migrate:create` (see the npm script) to mend what the generator gets wrong:
 * - it imports types as values (`import { MigrateUpArgs, sql }`), which Node's type stripping
 *   cannot run: those names are marked `type` (every migration; idempotent);
 * - a relationship column added to an existing table (`ALTER TABLE … ADD … REFERENCES t(id)`) loses
 *   the ON DELETE rule the schema snapshot gives it, so deleting the referenced document fails on
 *   the foreign key instead of clearing the reference: the rule is copied from the snapshot (the
 *   newest migration only, so migrations already applied somewhere are left as they ran).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

type Snapshot = {
  tables: Record<
    string,
    {
      foreignKeys: Record<string, { columnsFrom: string[]; onDelete: string; onUpdate: string }>
    }
  >
}

const dir = path.resolve(import.meta.dirname, '../migrations')
const files = readdirSync(dir)
  .filter((name) => /^\d.*\.ts$/.test(name))
  .sort()

function withForeignKeyRules(source: string, snapshot: Snapshot): string {
  return source.replace(
    /ALTER TABLE \\`([^`\\]+)\\` ADD \\`([^`\\]+)\\` integer REFERENCES ([a-z_]+)\(id\);/g,
    (statement, table: string, column: string) => {
      const key = Object.values(snapshot.tables[table]?.foreignKeys ?? {}).find((fk) =>
        fk.columnsFrom.includes(column),
      )
      return key
        ? statement.replace(/\);$/, `) ON UPDATE ${key.onUpdate} ON DELETE ${key.onDelete};`)
        : statement
    },
  )
}

for (const file of files) {
  const full = path.join(dir, file)
  const source = readFileSync(full, 'utf8')
  let fixed = source.replace(
    /\b(?<!type )(MigrateUpArgs|MigrateDownArgs)\b(?=[^\n]*from ')/g,
    'type $1',
  )
  const snapshotFile = full.replace(/\.ts$/, '.json')
  if (file === files.at(-1) && existsSync(snapshotFile))
    fixed = withForeignKeyRules(fixed, JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot)
  if (fixed !== source) {
    writeFileSync(full, fixed)
    console.log(`fixed ${file}`)
  }
}
