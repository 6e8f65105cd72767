CREATE TABLE "finding_set_findings" (
	"workspace_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "finding_set_findings_set_id_finding_id_pk" PRIMARY KEY("set_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "finding_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"tool" text NOT NULL,
	"tool_version" text,
	"stream" text NOT NULL,
	"commit_sha" text,
	"branch" text,
	"counts" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "task_gate_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"target_status" text NOT NULL,
	"passed" boolean NOT NULL,
	"conditions" jsonb NOT NULL,
	"overridden" boolean DEFAULT false NOT NULL,
	"evaluated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" jsonb NOT NULL,
	"source_key" text,
	"acceptance_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"gate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"evidence" jsonb DEFAULT '{"commits":[],"testRunIds":[],"findingSetIds":[]}'::jsonb NOT NULL,
	"assignee_id" uuid,
	"claim_expires_at" timestamp (3) with time zone,
	"claimed_at" timestamp (3) with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"override" jsonb,
	"completed_at" timestamp (3) with time zone,
	"created_by" uuid,
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('open', 'claimed', 'in_review', 'done', 'blocked', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "plan"."code_review_checklists" ADD COLUMN "blocking_rules" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "blocking_severity" text;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD COLUMN "rule_id" text;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD COLUMN "stream" text;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD COLUMN "commit" text;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD COLUMN "last_seen_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "finding_set_findings" ADD CONSTRAINT "finding_set_findings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_set_findings" ADD CONSTRAINT "finding_set_findings_set_id_finding_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."finding_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_set_findings" ADD CONSTRAINT "finding_set_findings_finding_id_review_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "plan"."review_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_sets" ADD CONSTRAINT "finding_sets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_sets" ADD CONSTRAINT "finding_sets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_sets" ADD CONSTRAINT "finding_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_gate_evaluations" ADD CONSTRAINT "task_gate_evaluations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_gate_evaluations" ADD CONSTRAINT "task_gate_evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_gate_evaluations" ADD CONSTRAINT "task_gate_evaluations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_gate_evaluations" ADD CONSTRAINT "task_gate_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_set_findings_finding_idx" ON "finding_set_findings" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "finding_sets_project_idx" ON "finding_sets" USING btree ("project_id","stream","created_at");--> statement-breakpoint
CREATE INDEX "task_gate_evaluations_task_idx" ON "task_gate_evaluations" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_project_number_unique" ON "tasks" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_project_source_unique" ON "tasks" USING btree ("project_id","source_key") WHERE "tasks"."source_key" is not null;--> statement-breakpoint
CREATE INDEX "tasks_project_status_idx" ON "tasks" USING btree ("project_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_claim_expiry_idx" ON "tasks" USING btree ("claim_expires_at") WHERE "tasks"."status" = 'claimed';--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD CONSTRAINT "quality_gates_blocking_severity_check" CHECK ("plan"."quality_gates"."blocking_severity" in ('critical', 'major', 'minor', 'info'));--> statement-breakpoint
CREATE UNIQUE INDEX "review_findings_fingerprint_unique" ON "plan"."review_findings" USING btree ("project_id","stream","fingerprint") WHERE "fingerprint" is not null;--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('tasks');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('task_gate_evaluations');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('finding_sets');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('finding_set_findings');
