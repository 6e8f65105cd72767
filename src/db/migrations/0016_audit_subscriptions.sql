CREATE TABLE "audit_subscriber_positions" (
	"subscriber" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	CONSTRAINT "audit_subscriber_positions_subscriber_workspace_id_pk" PRIMARY KEY("subscriber","workspace_id")
);
--> statement-breakpoint
CREATE TABLE "audit_subscribers" (
	"name" text PRIMARY KEY NOT NULL,
	"leased_by" text,
	"leased_until" timestamp with time zone
);
--> statement-breakpoint
SELECT shipshape_enable_workspace_rls('audit_subscriber_positions');