CREATE TABLE "entity_metadata" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"meta_key" text NOT NULL,
	"meta_value" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "metadata_schemas" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metadata_schemas_workspace_id_entity_type_pk" PRIMARY KEY("workspace_id","entity_type")
);
--> statement-breakpoint
ALTER TABLE "entity_metadata" ADD CONSTRAINT "entity_metadata_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_metadata" ADD CONSTRAINT "entity_metadata_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metadata_schemas" ADD CONSTRAINT "metadata_schemas_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entity_metadata_entity_key_unique" ON "entity_metadata" USING btree ("entity_type","entity_id","meta_key");--> statement-breakpoint
CREATE INDEX "entity_metadata_workspace_key_idx" ON "entity_metadata" USING btree ("workspace_id","entity_type","meta_key");