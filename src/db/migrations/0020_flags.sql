CREATE TABLE "flag_code_references" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_key" text NOT NULL,
	"path" text NOT NULL,
	"line" integer NOT NULL,
	"excerpt" text,
	"commit_sha" text
);
--> statement-breakpoint
CREATE TABLE "flag_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_value" jsonb DEFAULT 'false'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag_environments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"production" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag_evaluation_counts" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"flag_key" text NOT NULL,
	"variant" text DEFAULT '' NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"yes" bigint DEFAULT 0 NOT NULL,
	"no" bigint DEFAULT 0 NOT NULL,
	"last_evaluated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "flag_evaluation_counts_environment_id_flag_key_variant_hour_pk" PRIMARY KEY("environment_id","flag_key","variant","hour")
);
--> statement-breakpoint
CREATE TABLE "flag_scheduled_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"run_at" timestamp (3) with time zone NOT NULL,
	"change" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"applied_at" timestamp (3) with time zone,
	"error" text,
	"created_by" uuid,
	CONSTRAINT "flag_scheduled_changes_status_check" CHECK ("flag_scheduled_changes"."status" in ('pending', 'applied', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "flag_sdk_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "flag_sdk_keys_kind_check" CHECK ("flag_sdk_keys"."kind" in ('server', 'client'))
);
--> statement-breakpoint
CREATE TABLE "flag_segments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"constraints" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD COLUMN "value_type" text DEFAULT 'boolean' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD COLUMN "critical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD COLUMN "last_killed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "plan"."flag_dependencies" ADD COLUMN "required_value" jsonb;--> statement-breakpoint
ALTER TABLE "flag_code_references" ADD CONSTRAINT "flag_code_references_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_code_references" ADD CONSTRAINT "flag_code_references_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_configs" ADD CONSTRAINT "flag_configs_environment_id_flag_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."flag_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_environments" ADD CONSTRAINT "flag_environments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_environments" ADD CONSTRAINT "flag_environments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_evaluation_counts" ADD CONSTRAINT "flag_evaluation_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_evaluation_counts" ADD CONSTRAINT "flag_evaluation_counts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_evaluation_counts" ADD CONSTRAINT "flag_evaluation_counts_environment_id_flag_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."flag_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_scheduled_changes" ADD CONSTRAINT "flag_scheduled_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_scheduled_changes" ADD CONSTRAINT "flag_scheduled_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_scheduled_changes" ADD CONSTRAINT "flag_scheduled_changes_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_scheduled_changes" ADD CONSTRAINT "flag_scheduled_changes_environment_id_flag_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."flag_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_scheduled_changes" ADD CONSTRAINT "flag_scheduled_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_sdk_keys" ADD CONSTRAINT "flag_sdk_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_sdk_keys" ADD CONSTRAINT "flag_sdk_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_sdk_keys" ADD CONSTRAINT "flag_sdk_keys_environment_id_flag_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."flag_environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_sdk_keys" ADD CONSTRAINT "flag_sdk_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_segments" ADD CONSTRAINT "flag_segments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_segments" ADD CONSTRAINT "flag_segments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_code_references_flag_idx" ON "flag_code_references" USING btree ("project_id","flag_key");--> statement-breakpoint
CREATE INDEX "flag_code_references_project_created_idx" ON "flag_code_references" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_configs_flag_environment_unique" ON "flag_configs" USING btree ("flag_id","environment_id");--> statement-breakpoint
CREATE INDEX "flag_configs_environment_idx" ON "flag_configs" USING btree ("environment_id");--> statement-breakpoint
CREATE INDEX "flag_configs_project_created_idx" ON "flag_configs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_environments_key_unique" ON "flag_environments" USING btree ("project_id","key");--> statement-breakpoint
CREATE INDEX "flag_environments_project_created_idx" ON "flag_environments" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flag_evaluation_counts_project_idx" ON "flag_evaluation_counts" USING btree ("project_id","flag_key");--> statement-breakpoint
CREATE INDEX "flag_scheduled_changes_due_idx" ON "flag_scheduled_changes" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "flag_scheduled_changes_project_created_idx" ON "flag_scheduled_changes" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_sdk_keys_secret_hash_unique" ON "flag_sdk_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "flag_sdk_keys_project_created_idx" ON "flag_sdk_keys" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_segments_name_unique" ON "flag_segments" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_segments_number_unique" ON "flag_segments" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "flag_segments_project_created_idx" ON "flag_segments" USING btree ("project_id","created_at","id");--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD CONSTRAINT "feature_flags_value_type_check" CHECK ("plan"."feature_flags"."value_type" in ('boolean', 'string', 'number', 'json'));--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_code_references');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_configs');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_environments');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_evaluation_counts');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_scheduled_changes');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_sdk_keys');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('flag_segments');