ALTER TABLE "plan"."quality_gates" ADD COLUMN "require_reviewer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "max_pickup_hours" double precision;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "unreviewed_merged" integer;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "pickup_hours" double precision;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "delivery_checked_at" timestamp (3) with time zone;