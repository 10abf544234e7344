import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`communities_service_area_estates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_service_area_estates_order_idx\` ON \`communities_service_area_estates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`communities_service_area_estates_parent_id_idx\` ON \`communities_service_area_estates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`communities_service_area_roads\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`road\` text,
  	\`from\` numeric,
  	\`to\` numeric,
  	\`parity\` text DEFAULT 'all',
  	\`unit\` text DEFAULT 'number',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_service_area_roads_order_idx\` ON \`communities_service_area_roads\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`communities_service_area_roads_parent_id_idx\` ON \`communities_service_area_roads\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_communities_v_version_service_area_estates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_communities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_communities_v_version_service_area_estates_order_idx\` ON \`_communities_v_version_service_area_estates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_service_area_estates_parent_id_idx\` ON \`_communities_v_version_service_area_estates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_communities_v_version_service_area_roads\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`road\` text,
  	\`from\` numeric,
  	\`to\` numeric,
  	\`parity\` text DEFAULT 'all',
  	\`unit\` text DEFAULT 'number',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_communities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_communities_v_version_service_area_roads_order_idx\` ON \`_communities_v_version_service_area_roads\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_service_area_roads_parent_id_idx\` ON \`_communities_v_version_service_area_roads\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`communities\` ADD \`office_phone\` text;`)
  await db.run(sql`ALTER TABLE \`_communities_v\` ADD \`version_office_phone\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`place\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`container\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`issue\` text;`)
  await db.run(sql`ALTER TABLE \`sources\` ADD \`pages\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`communities_service_area_estates\`;`)
  await db.run(sql`DROP TABLE \`communities_service_area_roads\`;`)
  await db.run(sql`DROP TABLE \`_communities_v_version_service_area_estates\`;`)
  await db.run(sql`DROP TABLE \`_communities_v_version_service_area_roads\`;`)
  await db.run(sql`ALTER TABLE \`communities\` DROP COLUMN \`office_phone\`;`)
  await db.run(sql`ALTER TABLE \`_communities_v\` DROP COLUMN \`version_office_phone\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`place\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`container\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`issue\`;`)
  await db.run(sql`ALTER TABLE \`sources\` DROP COLUMN \`pages\`;`)
}
