CREATE TYPE "public"."prd_review_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'superseded', 'archived');--> statement-breakpoint
CREATE TYPE "public"."prd_review_decision" AS ENUM('approve', 'request_changes');--> statement-breakpoint
CREATE TABLE "prd_review_cache" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"prd_id" uuid NOT NULL,
	"cache_key" text NOT NULL,
	"cache_type" text NOT NULL,
	"data" jsonb NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prd_review_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"prd_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"revision" integer NOT NULL,
	"anchor" jsonb,
	"outdated" boolean DEFAULT false NOT NULL,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"resolved_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prd_review_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"prd_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"round" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" "prd_review_decision" NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prd_review_requests" (
	"workspace_id" uuid NOT NULL,
	"prd_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prd_review_requests_prd_id_reviewer_id_pk" PRIMARY KEY("prd_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "prd_review_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"prd_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "prd_review_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"approvals_required" integer DEFAULT 1 NOT NULL,
	"author_may_approve" boolean DEFAULT false NOT NULL,
	"required_sections" text[],
	"require_clean_lint" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prd_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"status" "prd_review_status" DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"review_round" integer DEFAULT 0 NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"approved_revision" integer,
	"superseded_by" uuid
);
--> statement-breakpoint
ALTER TABLE "prd_review_cache" ADD CONSTRAINT "prd_review_cache_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_cache" ADD CONSTRAINT "prd_review_cache_prd_id_prd_reviews_id_fk" FOREIGN KEY ("prd_id") REFERENCES "public"."prd_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_comments" ADD CONSTRAINT "prd_review_comments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_comments" ADD CONSTRAINT "prd_review_comments_prd_id_prd_reviews_id_fk" FOREIGN KEY ("prd_id") REFERENCES "public"."prd_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_comments" ADD CONSTRAINT "prd_review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_comments" ADD CONSTRAINT "prd_review_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_decisions" ADD CONSTRAINT "prd_review_decisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_decisions" ADD CONSTRAINT "prd_review_decisions_prd_id_prd_reviews_id_fk" FOREIGN KEY ("prd_id") REFERENCES "public"."prd_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_decisions" ADD CONSTRAINT "prd_review_decisions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_requests" ADD CONSTRAINT "prd_review_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_requests" ADD CONSTRAINT "prd_review_requests_prd_id_prd_reviews_id_fk" FOREIGN KEY ("prd_id") REFERENCES "public"."prd_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_requests" ADD CONSTRAINT "prd_review_requests_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_requests" ADD CONSTRAINT "prd_review_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_revisions" ADD CONSTRAINT "prd_review_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_revisions" ADD CONSTRAINT "prd_review_revisions_prd_id_prd_reviews_id_fk" FOREIGN KEY ("prd_id") REFERENCES "public"."prd_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_revisions" ADD CONSTRAINT "prd_review_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_revisions" ADD CONSTRAINT "prd_review_revisions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_settings" ADD CONSTRAINT "prd_review_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_review_settings" ADD CONSTRAINT "prd_review_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_reviews" ADD CONSTRAINT "prd_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_reviews" ADD CONSTRAINT "prd_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_reviews" ADD CONSTRAINT "prd_reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prd_reviews" ADD CONSTRAINT "prd_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prd_review_cache_key_unique" ON "prd_review_cache" USING btree ("cache_key");--> statement-breakpoint
CREATE INDEX "prd_review_cache_expires_idx" ON "prd_review_cache" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "prd_review_cache_prd_idx" ON "prd_review_cache" USING btree ("prd_id");--> statement-breakpoint
CREATE INDEX "prd_review_comments_prd_idx" ON "prd_review_comments" USING btree ("prd_id","created_at","id");--> statement-breakpoint
CREATE INDEX "prd_review_decisions_prd_idx" ON "prd_review_decisions" USING btree ("prd_id","revision","round");--> statement-breakpoint
CREATE INDEX "prd_review_requests_reviewer_idx" ON "prd_review_requests" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prd_review_revisions_number_unique" ON "prd_review_revisions" USING btree ("prd_id","number");--> statement-breakpoint
CREATE INDEX "prd_reviews_project_created_idx" ON "prd_reviews" USING btree ("workspace_id","project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "prd_reviews_project_status_idx" ON "prd_reviews" USING btree ("project_id","status");