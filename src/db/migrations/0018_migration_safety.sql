CREATE TABLE "migration_lint_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"strategy_id" uuid,
	"commit_sha" text,
	"pg_version" integer NOT NULL,
	"files" integer NOT NULL,
	"statements" integer NOT NULL,
	"errors" integer NOT NULL,
	"warnings" integer NOT NULL,
	"parse_errors" integer NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration_lint_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"pg_version" integer DEFAULT 16 NOT NULL,
	"disabled_rules" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_strategy_id" uuid
);
--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "rule_id" text;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "severity" text;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "migration_file" text;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "line" integer;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "detected_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD COLUMN "resolved_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "plan"."migration_strategies" ADD COLUMN "last_linted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "migration_lint_runs" ADD CONSTRAINT "migration_lint_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_lint_runs" ADD CONSTRAINT "migration_lint_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_lint_settings" ADD CONSTRAINT "migration_lint_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_lint_settings" ADD CONSTRAINT "migration_lint_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migration_lint_settings" ADD CONSTRAINT "migration_lint_settings_default_strategy_id_migration_strategies_id_fk" FOREIGN KEY ("default_strategy_id") REFERENCES "plan"."migration_strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "migration_lint_runs_project_created_idx" ON "migration_lint_runs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "migration_lint_settings_project_unique" ON "migration_lint_settings" USING btree ("project_id");--> statement-breakpoint
-- The check is added NOT VALID and validated apart, so that the table is not read under the
-- ACCESS EXCLUSIVE lock of ALTER TABLE (the column is new, so every row passes).
ALTER TABLE "plan"."migration_risks" ADD CONSTRAINT "migration_risks_severity_check" CHECK ("plan"."migration_risks"."severity" in ('error', 'warning')) NOT VALID;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" VALIDATE CONSTRAINT "migration_risks_severity_check";--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('migration_lint_runs');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('migration_lint_settings');