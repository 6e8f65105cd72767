CREATE TABLE "allure_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"commit_sha" text,
	"branch" text,
	"pipeline_url" text,
	"environment" text,
	"executor" jsonb,
	"environment_properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'uploading' NOT NULL,
	"skip_invalid" boolean DEFAULT false NOT NULL,
	"upload_bytes" bigint DEFAULT 0 NOT NULL,
	"files_total" integer,
	"files_read" integer DEFAULT 0 NOT NULL,
	"import_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skipped_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"import_attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp (3) with time zone,
	"imported_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"stopped_at" timestamp (3) with time zone,
	"duration_ms" bigint,
	"totals" jsonb DEFAULT '{"total":0,"passed":0,"failed":0,"broken":0,"skipped":0,"unknown":0}'::jsonb NOT NULL,
	"created_by" uuid,
	CONSTRAINT "allure_report_status_check" CHECK ("allure_report"."status" in ('uploading', 'queued', 'importing', 'imported', 'failed')),
	CONSTRAINT "allure_report_format_check" CHECK ("allure_report"."format" in ('allure', 'junit'))
);
--> statement-breakpoint
CREATE TABLE "allure_scenarios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"result_uuid" text NOT NULL,
	"history_id" text NOT NULL,
	"test_case_id" text,
	"full_name" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"status_message" text,
	"status_trace" text,
	"category" text,
	"started_at" timestamp (3) with time zone,
	"stopped_at" timestamp (3) with time zone,
	"duration_ms" bigint,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"epic" text,
	"feature" text,
	"story" text,
	"suite" text,
	"severity" text,
	"owner" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"parameters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flaky" boolean DEFAULT false NOT NULL,
	"known" boolean DEFAULT false NOT NULL,
	"muted" boolean DEFAULT false NOT NULL,
	"quarantined" boolean DEFAULT false NOT NULL,
	"previous_status" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allure_scenarios_status_check" CHECK ("allure_scenarios"."status" in ('passed', 'failed', 'broken', 'skipped', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "allure_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'step' NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"status_message" text,
	"duration_ms" bigint,
	"parameters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "allure_steps_status_check" CHECK ("allure_steps"."status" in ('passed', 'failed', 'broken', 'skipped', 'unknown')),
	CONSTRAINT "allure_steps_kind_check" CHECK ("allure_steps"."kind" in ('step', 'before', 'after'))
);
--> statement-breakpoint
CREATE TABLE "test_attachments" (
	"workspace_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"first_run_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_attachments_workspace_id_sha256_pk" PRIMARY KEY("workspace_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "test_gate_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"quality_gate_id" uuid,
	"expression" text NOT NULL,
	"passed" boolean NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "test_run_attachments" (
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "test_run_attachments_run_id_sha256_pk" PRIMARY KEY("run_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "test_run_upload_chunks" (
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "test_run_upload_chunks_run_id_sequence_pk" PRIMARY KEY("run_id","sequence")
);
--> statement-breakpoint
ALTER TABLE "allure_report" ADD CONSTRAINT "allure_report_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_report" ADD CONSTRAINT "allure_report_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_report" ADD CONSTRAINT "allure_report_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_scenarios" ADD CONSTRAINT "allure_scenarios_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_scenarios" ADD CONSTRAINT "allure_scenarios_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_scenarios" ADD CONSTRAINT "allure_scenarios_run_id_allure_report_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allure_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_steps" ADD CONSTRAINT "allure_steps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_steps" ADD CONSTRAINT "allure_steps_run_id_allure_report_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allure_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allure_steps" ADD CONSTRAINT "allure_steps_scenario_id_allure_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."allure_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_attachments" ADD CONSTRAINT "test_attachments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_gate_evaluations" ADD CONSTRAINT "test_gate_evaluations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_gate_evaluations" ADD CONSTRAINT "test_gate_evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_gate_evaluations" ADD CONSTRAINT "test_gate_evaluations_run_id_allure_report_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allure_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_gate_evaluations" ADD CONSTRAINT "test_gate_evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_run_attachments" ADD CONSTRAINT "test_run_attachments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_run_attachments" ADD CONSTRAINT "test_run_attachments_run_id_allure_report_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allure_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_run_upload_chunks" ADD CONSTRAINT "test_run_upload_chunks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_run_upload_chunks" ADD CONSTRAINT "test_run_upload_chunks_run_id_allure_report_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allure_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allure_report_project_created_idx" ON "allure_report" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "allure_report_branch_idx" ON "allure_report" USING btree ("project_id","branch","status","created_at");--> statement-breakpoint
CREATE INDEX "allure_report_pending_idx" ON "allure_report" USING btree ("status","lease_until");--> statement-breakpoint
CREATE INDEX "allure_scenarios_run_idx" ON "allure_scenarios" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "allure_scenarios_history_idx" ON "allure_scenarios" USING btree ("project_id","history_id","started_at");--> statement-breakpoint
CREATE INDEX "allure_scenarios_run_duration_idx" ON "allure_scenarios" USING btree ("run_id","duration_ms");--> statement-breakpoint
CREATE INDEX "allure_steps_scenario_idx" ON "allure_steps" USING btree ("scenario_id","position");--> statement-breakpoint
CREATE INDEX "allure_steps_run_idx" ON "allure_steps" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "test_gate_evaluations_project_created_idx" ON "test_gate_evaluations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "test_gate_evaluations_gate_idx" ON "test_gate_evaluations" USING btree ("project_id","quality_gate_id","created_at");--> statement-breakpoint
CREATE INDEX "test_run_attachments_sha_idx" ON "test_run_attachments" USING btree ("workspace_id","sha256");--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('allure_report');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('test_run_upload_chunks');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('allure_scenarios');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('allure_steps');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('test_attachments');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('test_run_attachments');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('test_gate_evaluations');