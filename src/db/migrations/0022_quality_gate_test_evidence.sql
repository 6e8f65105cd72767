ALTER TABLE "plan"."quality_gates" ADD COLUMN "last_test_run_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "max_flaky_rate" double precision;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD COLUMN "flaky_rate" double precision;