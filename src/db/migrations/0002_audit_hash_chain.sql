CREATE TABLE "audit_chain_heads" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_sequence" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sequence" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checkpoints_workspace_sequence_unique" UNIQUE("workspace_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "instance_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_sequence_unique";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "sequence" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "audit_events_sequence_seq";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "occurred_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "occurred_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP DEFAULT;--> statement-breakpoint
-- Events written before the chain existed are renumbered 1, 2, 3… per workspace; they carry no
-- hash, so `audit verify` reports them (docs/audit.md).
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";--> statement-breakpoint
UPDATE "audit_events" AS e SET "sequence" = n.position
  FROM (SELECT "id", row_number() OVER (PARTITION BY "workspace_id" ORDER BY "sequence") AS position FROM "audit_events") AS n
  WHERE e."id" = n."id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";--> statement-breakpoint
INSERT INTO "audit_chain_heads" ("workspace_id", "last_sequence", "last_hash")
  SELECT "workspace_id", max("sequence"), '' FROM "audit_events" GROUP BY "workspace_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_workspace_sequence_unique" UNIQUE("workspace_id","sequence");