import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`brand_projects\` ADD \`partners\` text;`)
  await db.run(sql`ALTER TABLE \`_brand_projects_v\` ADD \`version_partners\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`brand_projects\` DROP COLUMN \`partners\`;`)
  await db.run(sql`ALTER TABLE \`_brand_projects_v\` DROP COLUMN \`version_partners\`;`)
}
