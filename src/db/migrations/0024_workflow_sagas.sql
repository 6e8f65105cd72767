CREATE TABLE "saga_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"saga_id" uuid NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb,
	"sent_by" uuid,
	"consumed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "saga_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"saga_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"step_name" text NOT NULL,
	"phase" text NOT NULL,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"output" jsonb,
	"error" text,
	CONSTRAINT "saga_steps_phase_check" CHECK ("saga_steps"."phase" in ('action', 'compensation')),
	CONSTRAINT "saga_steps_status_check" CHECK ("saga_steps"."status" in ('running', 'succeeded', 'failed', 'interrupted', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "workflow_sagas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid,
	"saga_type" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"step_attempts" integer DEFAULT 0 NOT NULL,
	"context" jsonb NOT NULL,
	"outputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"step_count" integer NOT NULL,
	"started_by" uuid,
	"idempotency_key" text,
	"lease_owner" text,
	"lease_until" timestamp (3) with time zone,
	"wake_at" timestamp (3) with time zone,
	"waiting_for" jsonb,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"started_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"failed_at" timestamp (3) with time zone,
	"error_message" text,
	CONSTRAINT "workflow_sagas_status_check" CHECK ("workflow_sagas"."status" in ('pending', 'running', 'waiting', 'compensating', 'completed', 'failed', 'compensation_failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "release_allowed_hosts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"host" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_secrets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "release_workflow_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"workflow_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "release_workflows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "saga_signals" ADD CONSTRAINT "saga_signals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saga_signals" ADD CONSTRAINT "saga_signals_saga_id_workflow_sagas_id_fk" FOREIGN KEY ("saga_id") REFERENCES "public"."workflow_sagas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saga_signals" ADD CONSTRAINT "saga_signals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saga_steps" ADD CONSTRAINT "saga_steps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saga_steps" ADD CONSTRAINT "saga_steps_saga_id_workflow_sagas_id_fk" FOREIGN KEY ("saga_id") REFERENCES "public"."workflow_sagas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_sagas" ADD CONSTRAINT "workflow_sagas_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_sagas" ADD CONSTRAINT "workflow_sagas_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_sagas" ADD CONSTRAINT "workflow_sagas_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_allowed_hosts" ADD CONSTRAINT "release_allowed_hosts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_allowed_hosts" ADD CONSTRAINT "release_allowed_hosts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_secrets" ADD CONSTRAINT "release_secrets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_secrets" ADD CONSTRAINT "release_secrets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_secrets" ADD CONSTRAINT "release_secrets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflow_versions" ADD CONSTRAINT "release_workflow_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflow_versions" ADD CONSTRAINT "release_workflow_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflow_versions" ADD CONSTRAINT "release_workflow_versions_workflow_id_release_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."release_workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflow_versions" ADD CONSTRAINT "release_workflow_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflows" ADD CONSTRAINT "release_workflows_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflows" ADD CONSTRAINT "release_workflows_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_workflows" ADD CONSTRAINT "release_workflows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saga_signals_saga_idx" ON "saga_signals" USING btree ("saga_id","name","created_at");--> statement-breakpoint
CREATE INDEX "saga_steps_saga_idx" ON "saga_steps" USING btree ("saga_id","step_index","phase","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_sagas_idempotency_unique" ON "workflow_sagas" USING btree ("workspace_id","saga_type","idempotency_key") WHERE "workflow_sagas"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "workflow_sagas_workspace_created_idx" ON "workflow_sagas" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "workflow_sagas_runnable_idx" ON "workflow_sagas" USING btree ("wake_at") WHERE "workflow_sagas"."status" in ('pending', 'running', 'compensating', 'waiting');--> statement-breakpoint
CREATE UNIQUE INDEX "release_allowed_hosts_unique" ON "release_allowed_hosts" USING btree ("project_id","host");--> statement-breakpoint
CREATE UNIQUE INDEX "release_secrets_unique" ON "release_secrets" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "release_workflow_versions_unique" ON "release_workflow_versions" USING btree ("workflow_id","workflow_version");--> statement-breakpoint
CREATE UNIQUE INDEX "release_workflows_project_key_unique" ON "release_workflows" USING btree ("project_id","key");--> statement-breakpoint
CREATE INDEX "release_workflows_project_created_idx" ON "release_workflows" USING btree ("project_id","created_at","id");--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('workflow_sagas');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('saga_steps');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('saga_signals');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('release_workflows');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('release_workflow_versions');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('release_allowed_hosts');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('release_secrets');
