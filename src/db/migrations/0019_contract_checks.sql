CREATE TABLE "contract_consumers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"uses" jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"pact_uploaded_at" timestamp (3) with time zone,
	CONSTRAINT "contract_consumers_source_check" CHECK ("contract_consumers"."source" in ('manual', 'pact'))
);
--> statement-breakpoint
CREATE TABLE "contract_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"min_deprecation_days" integer DEFAULT 90 NOT NULL,
	"disabled_rules" text[] DEFAULT '{}'::text[] NOT NULL,
	"level_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fail_on" text DEFAULT 'ERR' NOT NULL,
	CONSTRAINT "contract_settings_fail_on_check" CHECK ("contract_settings"."fail_on" in ('ERR', 'WARN', 'INFO', 'never'))
);
--> statement-breakpoint
CREATE TABLE "contract_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"label" text NOT NULL,
	"commit_sha" text,
	"kind" text NOT NULL,
	"content_hash" text NOT NULL,
	"openapi_version" text,
	"converted_from" text,
	"title" text,
	"declared_version" text,
	"files" text[] DEFAULT '{}'::text[] NOT NULL,
	"document_bytes" integer NOT NULL,
	"document" text NOT NULL,
	"uploaded_by" uuid,
	"previous_version_id" uuid,
	"diff" jsonb,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"infos" integer DEFAULT 0 NOT NULL,
	"review_status" text NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"review_note" text,
	CONSTRAINT "contract_versions_kind_check" CHECK ("contract_versions"."kind" in ('openapi', 'graphql')),
	CONSTRAINT "contract_versions_review_status_check" CHECK ("contract_versions"."review_status" in ('not-required', 'pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD COLUMN "contract_version" text;--> statement-breakpoint
ALTER TABLE "contract_consumers" ADD CONSTRAINT "contract_consumers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_consumers" ADD CONSTRAINT "contract_consumers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_consumers" ADD CONSTRAINT "contract_consumers_contract_id_api_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "plan"."api_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_settings" ADD CONSTRAINT "contract_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_settings" ADD CONSTRAINT "contract_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_id_api_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "plan"."api_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_consumers_name_unique" ON "contract_consumers" USING btree ("contract_id","name");--> statement-breakpoint
CREATE INDEX "contract_consumers_contract_created_idx" ON "contract_consumers" USING btree ("contract_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contract_consumers_project_idx" ON "contract_consumers" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_settings_project_unique" ON "contract_settings" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_versions_label_unique" ON "contract_versions" USING btree ("contract_id","label");--> statement-breakpoint
CREATE INDEX "contract_versions_contract_created_idx" ON "contract_versions" USING btree ("contract_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contract_versions_project_idx" ON "contract_versions" USING btree ("project_id");--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('contract_versions');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('contract_consumers');--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('contract_settings');