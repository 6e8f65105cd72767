CREATE TABLE "search_analytics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid,
	"query" text NOT NULL,
	"result_count" integer NOT NULL,
	"latency_ms" double precision NOT NULL,
	"searched_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tag_text" text DEFAULT '' NOT NULL,
	"config" "regconfig" NOT NULL,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector("config", "title"), 'A') || setweight(to_tsvector("config", "tag_text"), 'B') || setweight(to_tsvector("config", "body"), 'C')) STORED,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "search_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"language" text DEFAULT 'english' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_analytics" ADD CONSTRAINT "search_analytics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_settings" ADD CONSTRAINT "search_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_analytics_workspace_time_idx" ON "search_analytics" USING btree ("workspace_id","searched_at");--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_tags_trgm_idx" ON "search_documents" USING gin ("tag_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_workspace_idx" ON "search_documents" USING btree ("workspace_id","entity_type","project_id");