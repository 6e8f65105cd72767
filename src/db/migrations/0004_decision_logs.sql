CREATE TYPE "public"."decision_status" AS ENUM('draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."decision_impact_level" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "decision_log_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"decision_types" text[] DEFAULT array['architecture','technology','process','product','quality','security']::text[] NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" integer NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"decision_type" text NOT NULL,
	"decision_owner" text DEFAULT '' NOT NULL,
	"decision_owner_id" uuid,
	"involved_qa" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"decision_date" date DEFAULT current_date NOT NULL,
	"sprint_release" text DEFAULT '' NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"decision_drivers" text[] DEFAULT '{}'::text[] NOT NULL,
	"considered_options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"consequences_good" text[] DEFAULT '{}'::text[] NOT NULL,
	"consequences_bad" text[] DEFAULT '{}'::text[] NOT NULL,
	"confirmation" text DEFAULT '' NOT NULL,
	"more_information" text DEFAULT '' NOT NULL,
	"impact_risk_level" "decision_impact_level",
	"impact_risk" text DEFAULT '' NOT NULL,
	"status" "decision_status" DEFAULT 'draft' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_artifacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"superseded_by_id" uuid,
	"supersedes" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_log_settings" ADD CONSTRAINT "decision_log_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_logs" ADD CONSTRAINT "decision_logs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_logs" ADD CONSTRAINT "decision_logs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_logs" ADD CONSTRAINT "decision_logs_decision_owner_id_users_id_fk" FOREIGN KEY ("decision_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_logs_workspace_number_unique" ON "decision_logs" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "decision_logs_workspace_created_idx" ON "decision_logs" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "decision_logs_workspace_date_idx" ON "decision_logs" USING btree ("workspace_id","decision_date","id");--> statement-breakpoint
CREATE INDEX "decision_logs_tags_idx" ON "decision_logs" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "decision_logs_involved_qa_idx" ON "decision_logs" USING gin ("involved_qa");