import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`catalogue_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`order\` numeric DEFAULT 100 NOT NULL,
  	\`category\` text NOT NULL,
  	\`cadence\` text NOT NULL,
  	\`due_days\` numeric,
  	\`due_from\` text,
  	\`basis\` text NOT NULL,
  	\`applies_to\` text DEFAULT 'all' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`catalogue_items_slug_idx\` ON \`catalogue_items\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`catalogue_items_updated_at_idx\` ON \`catalogue_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`catalogue_items_created_at_idx\` ON \`catalogue_items\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`catalogue_items_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`catalogue_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`catalogue_items_texts_order_parent\` ON \`catalogue_items_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`catalogue_items_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communities_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`catalogue_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communities_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`catalogue_items_rels_order_idx\` ON \`catalogue_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`catalogue_items_rels_parent_idx\` ON \`catalogue_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`catalogue_items_rels_path_idx\` ON \`catalogue_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`catalogue_items_rels_communities_id_idx\` ON \`catalogue_items_rels\` (\`communities_id\`);`)
  await db.run(sql`CREATE TABLE \`reminder_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`day\` text NOT NULL,
  	\`items\` text,
  	\`sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reminder_deliveries_user_idx\` ON \`reminder_deliveries\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`reminder_deliveries_day_idx\` ON \`reminder_deliveries\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`reminder_deliveries_updated_at_idx\` ON \`reminder_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reminder_deliveries_created_at_idx\` ON \`reminder_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`user_day_idx\` ON \`reminder_deliveries\` (\`user_id\`,\`day\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`communities\` ADD \`tracked_since\` text;`)
  await db.run(sql`ALTER TABLE \`_communities_v\` ADD \`version_tracked_since\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`period_half\` numeric;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`catalogue_item_id\` integer REFERENCES catalogue_items(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`disclosures_catalogue_item_idx\` ON \`disclosures\` (\`catalogue_item_id\`);`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_period_half\` numeric;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_catalogue_item_id\` integer REFERENCES catalogue_items(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_catalogue_item_idx\` ON \`_disclosures_v\` (\`version_catalogue_item_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`catalogue_items_id\` integer REFERENCES catalogue_items(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reminder_deliveries_id\` integer REFERENCES reminder_deliveries(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_catalogue_items_id_idx\` ON \`payload_locked_documents_rels\` (\`catalogue_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reminder_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`reminder_deliveries_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`catalogue_items\`;`)
  await db.run(sql`DROP TABLE \`catalogue_items_texts\`;`)
  await db.run(sql`DROP TABLE \`catalogue_items_rels\`;`)
  await db.run(sql`DROP TABLE \`reminder_deliveries\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_disclosures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`community_id\` integer,
  	\`category\` text,
  	\`period_year\` numeric,
  	\`period_quarter\` numeric,
  	\`period_month\` numeric,
  	\`published_at\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`totals_income\` numeric,
  	\`totals_expense\` numeric,
  	\`totals_balance\` numeric,
  	\`related_notice_id\` integer,
  	\`review_state\` text,
  	\`review_submitted_by_id\` integer,
  	\`review_submitted_at\` text,
  	\`review_approved_by_id\` integer,
  	\`review_approved_at\` text,
  	\`change_note\` text,
  	\`personal_data_warning\` text,
  	\`personal_data_confirmed\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`related_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_disclosures\`("id", "title", "slug", "community_id", "category", "period_year", "period_quarter", "period_month", "published_at", "summary", "body", "totals_income", "totals_expense", "totals_balance", "related_notice_id", "review_state", "review_submitted_by_id", "review_submitted_at", "review_approved_by_id", "review_approved_at", "change_note", "personal_data_warning", "personal_data_confirmed", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "community_id", "category", "period_year", "period_quarter", "period_month", "published_at", "summary", "body", "totals_income", "totals_expense", "totals_balance", "related_notice_id", "review_state", "review_submitted_by_id", "review_submitted_at", "review_approved_by_id", "review_approved_at", "change_note", "personal_data_warning", "personal_data_confirmed", "updated_at", "created_at", "_status" FROM \`disclosures\`;`)
  await db.run(sql`DROP TABLE \`disclosures\`;`)
  await db.run(sql`ALTER TABLE \`__new_disclosures\` RENAME TO \`disclosures\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosures_slug_idx\` ON \`disclosures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_community_idx\` ON \`disclosures\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_category_idx\` ON \`disclosures\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_published_at_idx\` ON \`disclosures\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_related_notice_idx\` ON \`disclosures\` (\`related_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_review_review_submitted_by_idx\` ON \`disclosures\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_review_review_approved_by_idx\` ON \`disclosures\` (\`review_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_updated_at_idx\` ON \`disclosures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_created_at_idx\` ON \`disclosures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`disclosures__status_idx\` ON \`disclosures\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__disclosures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_community_id\` integer,
  	\`version_category\` text,
  	\`version_period_year\` numeric,
  	\`version_period_quarter\` numeric,
  	\`version_period_month\` numeric,
  	\`version_published_at\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_totals_income\` numeric,
  	\`version_totals_expense\` numeric,
  	\`version_totals_balance\` numeric,
  	\`version_related_notice_id\` integer,
  	\`version_review_state\` text,
  	\`version_review_submitted_by_id\` integer,
  	\`version_review_submitted_at\` text,
  	\`version_review_approved_by_id\` integer,
  	\`version_review_approved_at\` text,
  	\`version_change_note\` text,
  	\`version_personal_data_warning\` text,
  	\`version_personal_data_confirmed\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_community_id\`) REFERENCES \`communities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_related_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__disclosures_v\`("id", "parent_id", "version_title", "version_slug", "version_community_id", "version_category", "version_period_year", "version_period_quarter", "version_period_month", "version_published_at", "version_summary", "version_body", "version_totals_income", "version_totals_expense", "version_totals_balance", "version_related_notice_id", "version_review_state", "version_review_submitted_by_id", "version_review_submitted_at", "version_review_approved_by_id", "version_review_approved_at", "version_change_note", "version_personal_data_warning", "version_personal_data_confirmed", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_community_id", "version_category", "version_period_year", "version_period_quarter", "version_period_month", "version_published_at", "version_summary", "version_body", "version_totals_income", "version_totals_expense", "version_totals_balance", "version_related_notice_id", "version_review_state", "version_review_submitted_by_id", "version_review_submitted_at", "version_review_approved_by_id", "version_review_approved_at", "version_change_note", "version_personal_data_warning", "version_personal_data_confirmed", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_disclosures_v\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__disclosures_v\` RENAME TO \`_disclosures_v\`;`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_parent_idx\` ON \`_disclosures_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_slug_idx\` ON \`_disclosures_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_community_idx\` ON \`_disclosures_v\` (\`version_community_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_category_idx\` ON \`_disclosures_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_published_at_idx\` ON \`_disclosures_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_related_notice_idx\` ON \`_disclosures_v\` (\`version_related_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_review_version_review_submitted_b_idx\` ON \`_disclosures_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_review_version_review_approved_by_idx\` ON \`_disclosures_v\` (\`version_review_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_updated_at_idx\` ON \`_disclosures_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version_created_at_idx\` ON \`_disclosures_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_version__status_idx\` ON \`_disclosures_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_created_at_idx\` ON \`_disclosures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_updated_at_idx\` ON \`_disclosures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_latest_idx\` ON \`_disclosures_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
  	\`site_removals_id\` integer,
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
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_removals_id\`) REFERENCES \`site_removals\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "communities_id", "notices_id", "disclosures_id", "case_studies_id", "brand_projects_id", "media_id", "problem_categories_id", "mechanisms_id", "districts_id", "streets_id", "sources_id", "users_id", "site_removals_id") SELECT "id", "order", "parent_id", "path", "communities_id", "notices_id", "disclosures_id", "case_studies_id", "brand_projects_id", "media_id", "problem_categories_id", "mechanisms_id", "districts_id", "streets_id", "sources_id", "users_id", "site_removals_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_removals_id_idx\` ON \`payload_locked_documents_rels\` (\`site_removals_id\`);`)
  await db.run(sql`ALTER TABLE \`communities\` DROP COLUMN \`tracked_since\`;`)
  await db.run(sql`ALTER TABLE \`_communities_v\` DROP COLUMN \`version_tracked_since\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
