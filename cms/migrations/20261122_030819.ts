import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`communities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'residents-committee',
  	\`street_id\` integer,
  	\`district_id\` integer,
  	\`figures_households\` numeric,
  	\`figures_residents\` numeric,
  	\`figures_area_m2\` numeric,
  	\`figures_founded_year\` numeric,
  	\`figures_founded_month\` numeric,
  	\`introduction\` text,
  	\`office_address\` text,
  	\`office_duty_hours\` text,
  	\`cover_id\` integer,
  	\`demo\` integer DEFAULT false,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`communities_slug_idx\` ON \`communities\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`communities_street_idx\` ON \`communities\` (\`street_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_district_idx\` ON \`communities\` (\`district_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_cover_idx\` ON \`communities\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_published_at_idx\` ON \`communities\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`communities_updated_at_idx\` ON \`communities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`communities_created_at_idx\` ON \`communities\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`communities__status_idx\` ON \`communities\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`communities_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_texts_order_parent\` ON \`communities_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`communities_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communities_rels_order_idx\` ON \`communities_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_parent_idx\` ON \`communities_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_path_idx\` ON \`communities_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`communities_rels_sources_id_idx\` ON \`communities_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`_communities_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text DEFAULT 'residents-committee',
  	\`version_street_id\` integer,
  	\`version_district_id\` integer,
  	\`version_figures_households\` numeric,
  	\`version_figures_residents\` numeric,
  	\`version_figures_area_m2\` numeric,
  	\`version_figures_founded_year\` numeric,
  	\`version_figures_founded_month\` numeric,
  	\`version_introduction\` text,
  	\`version_office_address\` text,
  	\`version_office_duty_hours\` text,
  	\`version_cover_id\` integer,
  	\`version_demo\` integer DEFAULT false,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_communities_v_parent_idx\` ON \`_communities_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_slug_idx\` ON \`_communities_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_street_idx\` ON \`_communities_v\` (\`version_street_id\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_district_idx\` ON \`_communities_v\` (\`version_district_id\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_cover_idx\` ON \`_communities_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_published_at_idx\` ON \`_communities_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_updated_at_idx\` ON \`_communities_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version_created_at_idx\` ON \`_communities_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_version_version__status_idx\` ON \`_communities_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_created_at_idx\` ON \`_communities_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_updated_at_idx\` ON \`_communities_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_latest_idx\` ON \`_communities_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_communities_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_communities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_communities_v_texts_order_parent\` ON \`_communities_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_communities_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_communities_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_communities_v_rels_order_idx\` ON \`_communities_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_rels_parent_idx\` ON \`_communities_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_rels_path_idx\` ON \`_communities_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_communities_v_rels_sources_id_idx\` ON \`_communities_v_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`community_id\` integer,
  	\`kind\` text,
  	\`summary\` text,
  	\`meeting_starts_at\` text,
  	\`meeting_ends_at\` text,
  	\`meeting_place\` text,
  	\`body\` text,
  	\`valid_until\` text,
  	\`pinned\` integer DEFAULT false,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`notices_slug_idx\` ON \`notices\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`notices_community_idx\` ON \`notices\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_kind_idx\` ON \`notices\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`notices_meeting_meeting_starts_at_idx\` ON \`notices\` (\`meeting_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_valid_until_idx\` ON \`notices\` (\`valid_until\`);`)
  await db.run(sql`CREATE INDEX \`notices_published_at_idx\` ON \`notices\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`notices__status_idx\` ON \`notices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`notices_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_rels_order_idx\` ON \`notices_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_parent_idx\` ON \`notices_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_path_idx\` ON \`notices_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`notices_rels_media_id_idx\` ON \`notices_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_community_id\` integer,
  	\`version_kind\` text,
  	\`version_summary\` text,
  	\`version_meeting_starts_at\` text,
  	\`version_meeting_ends_at\` text,
  	\`version_meeting_place\` text,
  	\`version_body\` text,
  	\`version_valid_until\` text,
  	\`version_pinned\` integer DEFAULT false,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_parent_idx\` ON \`_notices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_slug_idx\` ON \`_notices_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_community_idx\` ON \`_notices_v\` (\`version_community_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_kind_idx\` ON \`_notices_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_meeting_version_meeting_starts_at_idx\` ON \`_notices_v\` (\`version_meeting_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_valid_until_idx\` ON \`_notices_v\` (\`version_valid_until\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_published_at_idx\` ON \`_notices_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_updated_at_idx\` ON \`_notices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_created_at_idx\` ON \`_notices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version__status_idx\` ON \`_notices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_created_at_idx\` ON \`_notices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_updated_at_idx\` ON \`_notices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_latest_idx\` ON \`_notices_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_order_idx\` ON \`_notices_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_parent_idx\` ON \`_notices_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_path_idx\` ON \`_notices_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_rels_media_id_idx\` ON \`_notices_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`disclosures_line_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text,
  	\`direction\` text,
  	\`amount\` numeric,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosures_line_items_order_idx\` ON \`disclosures_line_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_line_items_parent_id_idx\` ON \`disclosures_line_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`disclosures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`community_id\` integer,
  	\`category\` text,
  	\`period_year\` numeric,
  	\`period_quarter\` numeric,
  	\`period_month\` numeric,
  	\`summary\` text,
  	\`body\` text,
  	\`totals_income\` numeric,
  	\`totals_expense\` numeric,
  	\`totals_balance\` numeric,
  	\`related_notice_id\` integer,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`related_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosures_slug_idx\` ON \`disclosures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_community_idx\` ON \`disclosures\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_category_idx\` ON \`disclosures\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_related_notice_idx\` ON \`disclosures\` (\`related_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_published_at_idx\` ON \`disclosures\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_updated_at_idx\` ON \`disclosures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_created_at_idx\` ON \`disclosures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures__status_idx\` ON \`disclosures\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`disclosures_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosures_rels_order_idx\` ON \`disclosures_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_rels_parent_idx\` ON \`disclosures_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_rels_path_idx\` ON \`disclosures_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_rels_media_id_idx\` ON \`disclosures_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_disclosures_v_version_line_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`item\` text,
  	\`direction\` text,
  	\`amount\` numeric,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_disclosures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_line_items_order_idx\` ON \`_disclosures_v_version_line_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_line_items_parent_id_idx\` ON \`_disclosures_v_version_line_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_disclosures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_community_id\` integer,
  	\`version_category\` text,
  	\`version_period_year\` numeric,
  	\`version_period_quarter\` numeric,
  	\`version_period_month\` numeric,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_totals_income\` numeric,
  	\`version_totals_expense\` numeric,
  	\`version_totals_balance\` numeric,
  	\`version_related_notice_id\` integer,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_related_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_disclosures_v_parent_idx\` ON \`_disclosures_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_slug_idx\` ON \`_disclosures_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_community_idx\` ON \`_disclosures_v\` (\`version_community_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_category_idx\` ON \`_disclosures_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_related_notice_idx\` ON \`_disclosures_v\` (\`version_related_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_published_at_idx\` ON \`_disclosures_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_updated_at_idx\` ON \`_disclosures_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_created_at_idx\` ON \`_disclosures_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version__status_idx\` ON \`_disclosures_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_created_at_idx\` ON \`_disclosures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_updated_at_idx\` ON \`_disclosures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_latest_idx\` ON \`_disclosures_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_disclosures_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_disclosures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_disclosures_v_rels_order_idx\` ON \`_disclosures_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_rels_parent_idx\` ON \`_disclosures_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_rels_path_idx\` ON \`_disclosures_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_rels_media_id_idx\` ON \`_disclosures_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`value\` numeric,
  	\`unit\` text,
  	\`period\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_figures_order_idx\` ON \`case_studies_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_figures_parent_id_idx\` ON \`case_studies_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`case_studies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`genre\` text,
  	\`community_id\` integer,
  	\`street_id\` integer,
  	\`district_id\` integer,
  	\`year\` numeric,
  	\`summary\` text,
  	\`sections_background\` text,
  	\`sections_process\` text,
  	\`sections_outcome\` text,
  	\`sections_lessons\` text,
  	\`sections_commentary\` text,
  	\`commentator\` text,
  	\`source_publication_id\` integer,
  	\`source_chapter\` text,
  	\`source_page\` numeric,
  	\`brand_project_id\` integer,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_publication_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_project_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`case_studies_slug_idx\` ON \`case_studies\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_genre_idx\` ON \`case_studies\` (\`genre\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_community_idx\` ON \`case_studies\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_street_idx\` ON \`case_studies\` (\`street_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_district_idx\` ON \`case_studies\` (\`district_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_source_source_publication_idx\` ON \`case_studies\` (\`source_publication_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_brand_project_idx\` ON \`case_studies\` (\`brand_project_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_published_at_idx\` ON \`case_studies\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_updated_at_idx\` ON \`case_studies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_created_at_idx\` ON \`case_studies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`case_studies__status_idx\` ON \`case_studies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`case_studies_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`problem_categories_id\` integer,
  	\`mechanisms_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`problem_categories_id\`) REFERENCES \`problem_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mechanisms_id\`) REFERENCES \`mechanisms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`case_studies_rels_order_idx\` ON \`case_studies_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_parent_idx\` ON \`case_studies_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_path_idx\` ON \`case_studies_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_problem_categories_id_idx\` ON \`case_studies_rels\` (\`problem_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`case_studies_rels_mechanisms_id_idx\` ON \`case_studies_rels\` (\`mechanisms_id\`);`)
  await db.run(sql`CREATE TABLE \`_case_studies_v_version_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`value\` numeric,
  	\`unit\` text,
  	\`period\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_figures_order_idx\` ON \`_case_studies_v_version_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_figures_parent_id_idx\` ON \`_case_studies_v_version_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_case_studies_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_genre\` text,
  	\`version_community_id\` integer,
  	\`version_street_id\` integer,
  	\`version_district_id\` integer,
  	\`version_year\` numeric,
  	\`version_summary\` text,
  	\`version_sections_background\` text,
  	\`version_sections_process\` text,
  	\`version_sections_outcome\` text,
  	\`version_sections_lessons\` text,
  	\`version_sections_commentary\` text,
  	\`version_commentator\` text,
  	\`version_source_publication_id\` integer,
  	\`version_source_chapter\` text,
  	\`version_source_page\` numeric,
  	\`version_brand_project_id\` integer,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_publication_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_brand_project_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_case_studies_v_parent_idx\` ON \`_case_studies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_slug_idx\` ON \`_case_studies_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_genre_idx\` ON \`_case_studies_v\` (\`version_genre\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_community_idx\` ON \`_case_studies_v\` (\`version_community_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_street_idx\` ON \`_case_studies_v\` (\`version_street_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_district_idx\` ON \`_case_studies_v\` (\`version_district_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_source_version_source_publicatio_idx\` ON \`_case_studies_v\` (\`version_source_publication_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_brand_project_idx\` ON \`_case_studies_v\` (\`version_brand_project_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_published_at_idx\` ON \`_case_studies_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_updated_at_idx\` ON \`_case_studies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version_created_at_idx\` ON \`_case_studies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_version_version__status_idx\` ON \`_case_studies_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_created_at_idx\` ON \`_case_studies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_updated_at_idx\` ON \`_case_studies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_latest_idx\` ON \`_case_studies_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_case_studies_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`problem_categories_id\` integer,
  	\`mechanisms_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_case_studies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`problem_categories_id\`) REFERENCES \`problem_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mechanisms_id\`) REFERENCES \`mechanisms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_order_idx\` ON \`_case_studies_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_parent_idx\` ON \`_case_studies_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_path_idx\` ON \`_case_studies_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_problem_categories_id_idx\` ON \`_case_studies_v_rels\` (\`problem_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`_case_studies_v_rels_mechanisms_id_idx\` ON \`_case_studies_v_rels\` (\`mechanisms_id\`);`)
  await db.run(sql`CREATE TABLE \`brand_projects_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`value\` numeric,
  	\`unit\` text,
  	\`period\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brand_projects_figures_order_idx\` ON \`brand_projects_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_figures_parent_id_idx\` ON \`brand_projects_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`brand_projects_activities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`description\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brand_projects_activities_order_idx\` ON \`brand_projects_activities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_activities_parent_id_idx\` ON \`brand_projects_activities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`brand_projects_honours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`year\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`brand_projects_honours_order_idx\` ON \`brand_projects_honours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_honours_parent_id_idx\` ON \`brand_projects_honours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`brand_projects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`community_id\` integer,
  	\`street_id\` integer,
  	\`district_id\` integer,
  	\`slogan\` text,
  	\`founded_year\` numeric,
  	\`founded_month\` numeric,
  	\`summary\` text,
  	\`body\` text,
  	\`source_publication_id\` integer,
  	\`source_chapter\` text,
  	\`source_page\` numeric,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_publication_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`brand_projects_slug_idx\` ON \`brand_projects\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_community_idx\` ON \`brand_projects\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_street_idx\` ON \`brand_projects\` (\`street_id\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_district_idx\` ON \`brand_projects\` (\`district_id\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_source_source_publication_idx\` ON \`brand_projects\` (\`source_publication_id\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_published_at_idx\` ON \`brand_projects\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_updated_at_idx\` ON \`brand_projects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects_created_at_idx\` ON \`brand_projects\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`brand_projects__status_idx\` ON \`brand_projects\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_brand_projects_v_version_figures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`value\` numeric,
  	\`unit\` text,
  	\`period\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_brand_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_figures_order_idx\` ON \`_brand_projects_v_version_figures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_figures_parent_id_idx\` ON \`_brand_projects_v_version_figures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_brand_projects_v_version_activities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`description\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_brand_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_activities_order_idx\` ON \`_brand_projects_v_version_activities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_activities_parent_id_idx\` ON \`_brand_projects_v_version_activities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_brand_projects_v_version_honours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`year\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_brand_projects_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_honours_order_idx\` ON \`_brand_projects_v_version_honours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_honours_parent_id_idx\` ON \`_brand_projects_v_version_honours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_brand_projects_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_community_id\` integer,
  	\`version_street_id\` integer,
  	\`version_district_id\` integer,
  	\`version_slogan\` text,
  	\`version_founded_year\` numeric,
  	\`version_founded_month\` numeric,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_source_publication_id\` integer,
  	\`version_source_chapter\` text,
  	\`version_source_page\` numeric,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_street_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_publication_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_parent_idx\` ON \`_brand_projects_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_slug_idx\` ON \`_brand_projects_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_community_idx\` ON \`_brand_projects_v\` (\`version_community_id\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_street_idx\` ON \`_brand_projects_v\` (\`version_street_id\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_district_idx\` ON \`_brand_projects_v\` (\`version_district_id\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_source_version_source_publicat_idx\` ON \`_brand_projects_v\` (\`version_source_publication_id\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_published_at_idx\` ON \`_brand_projects_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_updated_at_idx\` ON \`_brand_projects_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version_created_at_idx\` ON \`_brand_projects_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_version_version__status_idx\` ON \`_brand_projects_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_created_at_idx\` ON \`_brand_projects_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_updated_at_idx\` ON \`_brand_projects_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_brand_projects_v_latest_idx\` ON \`_brand_projects_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text,
  	\`community_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text,
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_community_idx\` ON \`media\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_large_sizes_large_filename_idx\` ON \`media\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE TABLE \`problem_categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`problem_categories_slug_idx\` ON \`problem_categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`problem_categories_updated_at_idx\` ON \`problem_categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`problem_categories_created_at_idx\` ON \`problem_categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`mechanisms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`mechanisms_slug_idx\` ON \`mechanisms\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`mechanisms_updated_at_idx\` ON \`mechanisms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mechanisms_created_at_idx\` ON \`mechanisms\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`districts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`city\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`districts_slug_idx\` ON \`districts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`districts_updated_at_idx\` ON \`districts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`districts_created_at_idx\` ON \`districts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`streets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`district_id\` integer NOT NULL,
  	\`district_basis\` text DEFAULT 'stated',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`district_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`streets_slug_idx\` ON \`streets\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`streets_district_idx\` ON \`streets\` (\`district_id\`);`)
  await db.run(sql`CREATE INDEX \`streets_updated_at_idx\` ON \`streets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`streets_created_at_idx\` ON \`streets\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sources\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`publisher\` text,
  	\`published\` text,
  	\`isbn\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sources_slug_idx\` ON \`sources\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sources_updated_at_idx\` ON \`sources\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sources_created_at_idx\` ON \`sources\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sources_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`sources_texts_order_parent\` ON \`sources_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'editor' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communities_id\` integer,
  	\`streets_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communities_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`streets_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_communities_id_idx\` ON \`users_rels\` (\`communities_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_streets_id_idx\` ON \`users_rels\` (\`streets_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communities_id\` integer,
  	\`notices_id\` integer,
  	\`disclosures_id\` integer,
  	\`case_studies_id\` integer,
  	\`brand_projects_id\` integer,
  	\`media_id\` integer,
  	\`problem_categories_id\` integer,
  	\`mechanisms_id\` integer,
  	\`districts_id\` integer,
  	\`streets_id\` integer,
  	\`sources_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communities_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclosures_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`brand_projects_id\`) REFERENCES \`brand_projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`problem_categories_id\`) REFERENCES \`problem_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mechanisms_id\`) REFERENCES \`mechanisms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`districts_id\`) REFERENCES \`districts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`streets_id\`) REFERENCES \`streets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communities_id_idx\` ON \`payload_locked_documents_rels\` (\`communities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_disclosures_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_studies_id_idx\` ON \`payload_locked_documents_rels\` (\`case_studies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_brand_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`brand_projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_problem_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`problem_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mechanisms_id_idx\` ON \`payload_locked_documents_rels\` (\`mechanisms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_districts_id_idx\` ON \`payload_locked_documents_rels\` (\`districts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_streets_id_idx\` ON \`payload_locked_documents_rels\` (\`streets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`communities\`;`)
  await db.run(sql`DROP TABLE \`communities_texts\`;`)
  await db.run(sql`DROP TABLE \`communities_rels\`;`)
  await db.run(sql`DROP TABLE \`_communities_v\`;`)
  await db.run(sql`DROP TABLE \`_communities_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_communities_v_rels\`;`)
  await db.run(sql`DROP TABLE \`notices\`;`)
  await db.run(sql`DROP TABLE \`notices_rels\`;`)
  await db.run(sql`DROP TABLE \`_notices_v\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_rels\`;`)
  await db.run(sql`DROP TABLE \`disclosures_line_items\`;`)
  await db.run(sql`DROP TABLE \`disclosures\`;`)
  await db.run(sql`DROP TABLE \`disclosures_rels\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v_version_line_items\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v_rels\`;`)
  await db.run(sql`DROP TABLE \`case_studies_figures\`;`)
  await db.run(sql`DROP TABLE \`case_studies\`;`)
  await db.run(sql`DROP TABLE \`case_studies_rels\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_version_figures\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v\`;`)
  await db.run(sql`DROP TABLE \`_case_studies_v_rels\`;`)
  await db.run(sql`DROP TABLE \`brand_projects_figures\`;`)
  await db.run(sql`DROP TABLE \`brand_projects_activities\`;`)
  await db.run(sql`DROP TABLE \`brand_projects_honours\`;`)
  await db.run(sql`DROP TABLE \`brand_projects\`;`)
  await db.run(sql`DROP TABLE \`_brand_projects_v_version_figures\`;`)
  await db.run(sql`DROP TABLE \`_brand_projects_v_version_activities\`;`)
  await db.run(sql`DROP TABLE \`_brand_projects_v_version_honours\`;`)
  await db.run(sql`DROP TABLE \`_brand_projects_v\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`problem_categories\`;`)
  await db.run(sql`DROP TABLE \`mechanisms\`;`)
  await db.run(sql`DROP TABLE \`districts\`;`)
  await db.run(sql`DROP TABLE \`streets\`;`)
  await db.run(sql`DROP TABLE \`sources\`;`)
  await db.run(sql`DROP TABLE \`sources_texts\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
