CREATE TABLE "delivery_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"auth_kind" text NOT NULL,
	"email" text,
	"jira_api" text,
	"secret" jsonb NOT NULL,
	"sync_interval_minutes" integer DEFAULT 60 NOT NULL,
	"created_by" uuid,
	CONSTRAINT "delivery_connections_kind_check" CHECK ("delivery_connections"."kind" in ('gitlab', 'jira'))
);
--> statement-breakpoint
CREATE TABLE "delivery_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"team" text,
	"gitlab_usernames" text[] DEFAULT '{}' NOT NULL,
	"jira_account_ids" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"in_progress_statuses" text[] NOT NULL,
	"done_statuses" text[] NOT NULL,
	"incident_issue_types" text[] NOT NULL,
	"production_environments" text[] NOT NULL,
	"pickup_target_hours" integer,
	"history_retention_days" integer
);
--> statement-breakpoint
CREATE TABLE "delivery_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"gitlab_project" text,
	"jql" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"synced_up_to" timestamp (3) with time zone,
	"last_sync_at" timestamp (3) with time zone,
	"last_sync_status" text
);
--> statement-breakpoint
CREATE TABLE "delivery_sync_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"since" timestamp (3) with time zone,
	"phase" text,
	"cursor" text,
	"seen_up_to" timestamp (3) with time zone,
	"pages" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"duration_ms" integer,
	"saga_id" uuid,
	"started_by" uuid
);
--> statement-breakpoint
CREATE TABLE "gitlab_deployments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"deployment_key" text NOT NULL,
	"gitlab_project_id" integer NOT NULL,
	"environment" text NOT NULL,
	"production" boolean NOT NULL,
	"status" text NOT NULL,
	"ref" text NOT NULL,
	"sha" text NOT NULL,
	"deployed_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "gitlab_mr_contributors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"mr_key" text NOT NULL,
	"role" text NOT NULL,
	"handle" text NOT NULL,
	"name" text,
	"email" text,
	"count" integer NOT NULL,
	"first_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gitlab_mr_lead_times" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"source_id" uuid,
	"mr_key" text NOT NULL,
	"gitlab_project_id" integer NOT NULL,
	"iid" integer NOT NULL,
	"title" text NOT NULL,
	"web_url" text,
	"state" text NOT NULL,
	"author_handle" text NOT NULL,
	"author_name" text,
	"target_branch" text NOT NULL,
	"labels" text[] DEFAULT '{}' NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"mr_updated_at" timestamp (3) with time zone NOT NULL,
	"first_commit_at" timestamp (3) with time zone,
	"first_review_at" timestamp (3) with time zone,
	"approved_at" timestamp (3) with time zone,
	"merged_at" timestamp (3) with time zone,
	"first_deploy_at" timestamp (3) with time zone,
	"coding_ms" bigint,
	"pickup_ms" bigint,
	"review_ms" bigint,
	"deploy_ms" bigint,
	"lead_ms" bigint,
	"change_lead_ms" bigint,
	"reviewer_count" integer DEFAULT 0 NOT NULL,
	"commit_count" integer DEFAULT 0 NOT NULL,
	"note_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jira_lead_times" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"source_id" uuid,
	"issue_key" text NOT NULL,
	"issue_id" text NOT NULL,
	"summary" text NOT NULL,
	"issue_type" text NOT NULL,
	"status" text NOT NULL,
	"status_category" text NOT NULL,
	"assignee_handle" text,
	"assignee_name" text,
	"resolved_by_handle" text,
	"resolved_by_name" text,
	"resolved_by_email" text,
	"labels" text[] DEFAULT '{}' NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"issue_updated_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone,
	"done_at" timestamp (3) with time zone,
	"lead_ms" bigint,
	"cycle_ms" bigint,
	"time_in_status" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jira_table_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"issue_key" text NOT NULL,
	"history_id" text NOT NULL,
	"item_index" integer NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"author_handle" text,
	"author_name" text,
	"field" text NOT NULL,
	"from_value" text,
	"from_string" text,
	"to_value" text,
	"to_string" text
);
--> statement-breakpoint
CREATE TABLE "jira_table_history_archive" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"issue_key" text NOT NULL,
	"history_id" text NOT NULL,
	"item_index" integer NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	"author_handle" text,
	"author_name" text,
	"field" text NOT NULL,
	"from_value" text,
	"from_string" text,
	"to_value" text,
	"to_string" text,
	"archived_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"person_key" text NOT NULL,
	"person_name" text,
	"team" text,
	"month" text NOT NULL,
	"mrs_opened" integer DEFAULT 0 NOT NULL,
	"mrs_merged" integer DEFAULT 0 NOT NULL,
	"reviews" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"commits" integer DEFAULT 0 NOT NULL,
	"issues_resolved" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_connections" ADD CONSTRAINT "delivery_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_connections" ADD CONSTRAINT "delivery_connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_people" ADD CONSTRAINT "delivery_people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_settings" ADD CONSTRAINT "delivery_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_settings" ADD CONSTRAINT "delivery_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sources" ADD CONSTRAINT "delivery_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sources" ADD CONSTRAINT "delivery_sources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sources" ADD CONSTRAINT "delivery_sources_connection_id_delivery_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."delivery_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sync_runs" ADD CONSTRAINT "delivery_sync_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sync_runs" ADD CONSTRAINT "delivery_sync_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sync_runs" ADD CONSTRAINT "delivery_sync_runs_source_id_delivery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."delivery_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sync_runs" ADD CONSTRAINT "delivery_sync_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_deployments" ADD CONSTRAINT "gitlab_deployments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_deployments" ADD CONSTRAINT "gitlab_deployments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_mr_contributors" ADD CONSTRAINT "gitlab_mr_contributors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_mr_contributors" ADD CONSTRAINT "gitlab_mr_contributors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_mr_lead_times" ADD CONSTRAINT "gitlab_mr_lead_times_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_mr_lead_times" ADD CONSTRAINT "gitlab_mr_lead_times_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gitlab_mr_lead_times" ADD CONSTRAINT "gitlab_mr_lead_times_source_id_delivery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."delivery_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_lead_times" ADD CONSTRAINT "jira_lead_times_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_lead_times" ADD CONSTRAINT "jira_lead_times_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_lead_times" ADD CONSTRAINT "jira_lead_times_source_id_delivery_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."delivery_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_table_history" ADD CONSTRAINT "jira_table_history_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_table_history" ADD CONSTRAINT "jira_table_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_table_history_archive" ADD CONSTRAINT "jira_table_history_archive_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_table_history_archive" ADD CONSTRAINT "jira_table_history_archive_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_contributions" ADD CONSTRAINT "monthly_contributions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_contributions" ADD CONSTRAINT "monthly_contributions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_connections_name_unique" ON "delivery_connections" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_people_email_unique" ON "delivery_people" USING btree ("workspace_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_settings_project_unique" ON "delivery_settings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "delivery_sources_project_idx" ON "delivery_sources" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "delivery_sync_runs_project_idx" ON "delivery_sync_runs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "gitlab_deployments_unique" ON "gitlab_deployments" USING btree ("project_id","deployment_key");--> statement-breakpoint
CREATE INDEX "gitlab_deployments_finished_idx" ON "gitlab_deployments" USING btree ("project_id","finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gitlab_mr_contributors_unique" ON "gitlab_mr_contributors" USING btree ("project_id","mr_key","role","handle");--> statement-breakpoint
CREATE INDEX "gitlab_mr_contributors_first_idx" ON "gitlab_mr_contributors" USING btree ("project_id","first_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gitlab_mr_lead_times_unique" ON "gitlab_mr_lead_times" USING btree ("project_id","mr_key");--> statement-breakpoint
CREATE INDEX "gitlab_mr_lead_times_merged_idx" ON "gitlab_mr_lead_times" USING btree ("project_id","merged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jira_lead_times_unique" ON "jira_lead_times" USING btree ("project_id","issue_key");--> statement-breakpoint
CREATE INDEX "jira_lead_times_done_idx" ON "jira_lead_times" USING btree ("project_id","done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jira_table_history_unique" ON "jira_table_history" USING btree ("project_id","issue_key","history_id","item_index");--> statement-breakpoint
CREATE INDEX "jira_table_history_changed_idx" ON "jira_table_history" USING btree ("changed_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "jira_table_history_archive_unique" ON "jira_table_history_archive" USING btree ("project_id","issue_key","history_id","item_index");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_contributions_unique" ON "monthly_contributions" USING btree ("project_id","person_key","month");--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('delivery_connections');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('delivery_sources');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('delivery_sync_runs');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('delivery_settings');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('delivery_people');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('gitlab_mr_lead_times');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('gitlab_mr_contributors');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('gitlab_deployments');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('jira_lead_times');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('jira_table_history');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('jira_table_history_archive');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('monthly_contributions');
