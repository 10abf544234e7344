import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`disclosures_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosures_corrections_order_idx\` ON \`disclosures_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_corrections_parent_id_idx\` ON \`disclosures_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_disclosures_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_disclosures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_corrections_order_idx\` ON \`_disclosures_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_corrections_parent_id_idx\` ON \`_disclosures_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_build\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text DEFAULT 'idle',
  	\`requested_at\` text,
  	\`reason\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`succeeded_at\` text,
  	\`duration_ms\` numeric,
  	\`failures\` numeric DEFAULT 0,
  	\`error\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'editor',
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
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`personal_data_warning\` text;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` ADD \`version_personal_data_warning\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`review_state\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`review_approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`review_approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`personal_data_warning\` text;`)
  await db.run(sql`ALTER TABLE \`disclosures\` ADD \`personal_data_confirmed\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`disclosures_review_review_submitted_by_idx\` ON \`disclosures\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_review_review_approved_by_idx\` ON \`disclosures\` (\`review_approved_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_review_state\` text;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_review_approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_review_approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_personal_data_warning\` text;`)
  await db.run(sql`ALTER TABLE \`_disclosures_v\` ADD \`version_personal_data_confirmed\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_review_version_review_submitted_b_idx\` ON \`_disclosures_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_disclosures_v_version_review_version_review_approved_by_idx\` ON \`_disclosures_v\` (\`version_review_approved_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`disclosures_corrections\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`site_build\`;`)
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
  await db.run(sql`INSERT INTO \`__new_disclosures\`("id", "title", "slug", "community_id", "category", "period_year", "period_quarter", "period_month", "summary", "body", "totals_income", "totals_expense", "totals_balance", "related_notice_id", "published_at", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "community_id", "category", "period_year", "period_quarter", "period_month", "summary", "body", "totals_income", "totals_expense", "totals_balance", "related_notice_id", "published_at", "updated_at", "created_at", "_status" FROM \`disclosures\`;`)
  await db.run(sql`DROP TABLE \`disclosures\`;`)
  await db.run(sql`ALTER TABLE \`__new_disclosures\` RENAME TO \`disclosures\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`disclosures_slug_idx\` ON \`disclosures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_community_idx\` ON \`disclosures\` (\`community_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_category_idx\` ON \`disclosures\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_related_notice_idx\` ON \`disclosures\` (\`related_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`disclosures_published_at_idx\` ON \`disclosures\` (\`published_at\`);`)
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
  await db.run(sql`INSERT INTO \`__new__disclosures_v\`("id", "parent_id", "version_title", "version_slug", "version_community_id", "version_category", "version_period_year", "version_period_quarter", "version_period_month", "version_summary", "version_body", "version_totals_income", "version_totals_expense", "version_totals_balance", "version_related_notice_id", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_community_id", "version_category", "version_period_year", "version_period_quarter", "version_period_month", "version_summary", "version_body", "version_totals_income", "version_totals_expense", "version_totals_balance", "version_related_notice_id", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_disclosures_v\`;`)
  await db.run(sql`DROP TABLE \`_disclosures_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__disclosures_v\` RENAME TO \`_disclosures_v\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_users\` (
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
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "role", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`personal_data_warning\`;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` DROP COLUMN \`version_personal_data_warning\`;`)
}
