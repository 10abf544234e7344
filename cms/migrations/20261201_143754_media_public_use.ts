import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { recomputeMediaUse } from '../hooks/trackMediaUse.ts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`media_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`media_texts_order_parent\` ON \`media_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`is_public\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_is_public_idx\` ON \`media\` (\`is_public\`);`)
  // Files already in use by published documents stay public (added by hand: a data step).
  await recomputeMediaUse(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`media_texts\`;`)
  await db.run(sql`DROP INDEX \`media_is_public_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`is_public\`;`)
}
