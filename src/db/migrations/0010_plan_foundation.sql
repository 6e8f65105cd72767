CREATE SCHEMA "plan";
--> statement-breakpoint
CREATE TABLE "plan_area_exclusions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"area" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_disabled_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"check_id" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_scores" (
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"day" date NOT NULL,
	"level" text NOT NULL,
	"passing" integer NOT NULL,
	"failing" integer NOT NULL,
	"areas" jsonb NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_waivers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"check_id" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."dead_letter_handling" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"destination" text NOT NULL,
	"alert_channel" text,
	"review_process" text DEFAULT '' NOT NULL,
	"retention_days" integer,
	"replayable" boolean,
	"last_replay_tested_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."job_queues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"concurrency" integer,
	"visibility_timeout_seconds" integer,
	"owner" text,
	CONSTRAINT "job_queues_system_check" CHECK ("plan"."job_queues"."system" in ('pg-boss', 'bullmq', 'sidekiq', 'celery', 'sqs', 'rabbitmq', 'kafka', 'cloud-tasks', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."job_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"queue_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"idempotency" text,
	"idempotency_key" text,
	"timeout_seconds" integer,
	"retry_policy_id" uuid,
	"dead_letter_handling_id" uuid,
	"owner" text,
	CONSTRAINT "job_types_priority_check" CHECK ("plan"."job_types"."priority" in ('critical', 'high', 'normal', 'low')),
	CONSTRAINT "job_types_idempotency_check" CHECK ("plan"."job_types"."idempotency" in ('naturally-idempotent', 'idempotency-key', 'not-idempotent'))
);
--> statement-breakpoint
CREATE TABLE "plan"."retry_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy" text NOT NULL,
	"max_attempts" integer NOT NULL,
	"initial_delay_seconds" integer,
	"max_delay_seconds" integer,
	"jitter" boolean DEFAULT false NOT NULL,
	"retry_on" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "retry_policies_strategy_check" CHECK ("plan"."retry_policies"."strategy" in ('exponential', 'linear', 'fixed', 'none'))
);
--> statement-breakpoint
CREATE TABLE "plan"."scheduled_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"job_type_id" uuid NOT NULL,
	"cron" text,
	"timezone" text,
	"overlap_policy" text,
	"missed_run_alert" boolean,
	"last_run_at" timestamp (3) with time zone,
	"last_run_status" text,
	CONSTRAINT "scheduled_jobs_overlap_policy_check" CHECK ("plan"."scheduled_jobs"."overlap_policy" in ('skip', 'queue', 'allow')),
	CONSTRAINT "scheduled_jobs_last_run_status_check" CHECK ("plan"."scheduled_jobs"."last_run_status" in ('succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."feature_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"owner" text,
	"default_value" boolean DEFAULT false NOT NULL,
	"kill_switch" boolean,
	"removal_date" date,
	"ticket" text,
	CONSTRAINT "feature_flags_kind_check" CHECK ("plan"."feature_flags"."kind" in ('release', 'experiment', 'ops', 'permission', 'kill-switch')),
	CONSTRAINT "feature_flags_status_check" CHECK ("plan"."feature_flags"."status" in ('planned', 'active', 'rolled-out', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."flag_dependencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"depends_on_flag_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."flag_lifecycle" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"planned_date" date,
	"completed_at" timestamp (3) with time zone,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "flag_lifecycle_stage_check" CHECK ("plan"."flag_lifecycle"."stage" in ('created', 'testing', 'rolling-out', 'fully-on', 'cleanup', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."flag_monitoring_config" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"metric" text,
	"alert_threshold" text,
	"dashboard_url" text,
	"evaluation_logging" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."flag_targeting_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"flag_id" uuid NOT NULL,
	"segment" text,
	"condition" text DEFAULT '' NOT NULL,
	"rollout_percentage" integer,
	"variation" text NOT NULL,
	"priority" integer
);
--> statement-breakpoint
CREATE TABLE "plan"."api_cost_tracking" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"api_id" uuid NOT NULL,
	"pricing_model" text NOT NULL,
	"unit_cost" double precision,
	"currency" text,
	"monthly_budget" double precision,
	"alert_at_percent" integer,
	"current_month_spend" double precision,
	CONSTRAINT "api_cost_tracking_pricing_model_check" CHECK ("plan"."api_cost_tracking"."pricing_model" in ('per-request', 'tiered', 'subscription', 'free'))
);
--> statement-breakpoint
CREATE TABLE "plan"."circuit_breaker_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"api_id" uuid NOT NULL,
	"failure_rate_percent" integer NOT NULL,
	"minimum_calls" integer,
	"open_seconds" integer NOT NULL,
	"half_open_calls" integer
);
--> statement-breakpoint
CREATE TABLE "plan"."fallback_strategies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"api_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"last_tested_at" timestamp (3) with time zone,
	CONSTRAINT "fallback_strategies_kind_check" CHECK ("plan"."fallback_strategies"."kind" in ('cached-response', 'default-value', 'alternate-provider', 'queue-for-later', 'degrade-feature', 'fail-fast'))
);
--> statement-breakpoint
CREATE TABLE "plan"."rate_limit_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"api_id" uuid NOT NULL,
	"limit" integer NOT NULL,
	"window_seconds" integer NOT NULL,
	"scope" text,
	"strategy" text,
	CONSTRAINT "rate_limit_configs_scope_check" CHECK ("plan"."rate_limit_configs"."scope" in ('global', 'per-user', 'per-key', 'per-ip')),
	CONSTRAINT "rate_limit_configs_strategy_check" CHECK ("plan"."rate_limit_configs"."strategy" in ('queue', 'throttle', 'reject', 'backoff'))
);
--> statement-breakpoint
CREATE TABLE "plan"."third_party_apis" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vendor" text,
	"purpose" text DEFAULT '' NOT NULL,
	"criticality" text NOT NULL,
	"base_url" text,
	"docs_url" text,
	"auth_method" text,
	"timeout_ms" integer,
	"owner" text,
	CONSTRAINT "third_party_apis_criticality_check" CHECK ("plan"."third_party_apis"."criticality" in ('critical', 'important', 'optional')),
	CONSTRAINT "third_party_apis_auth_method_check" CHECK ("plan"."third_party_apis"."auth_method" in ('api-key', 'oauth2', 'mtls', 'basic', 'signed-request', 'none'))
);
--> statement-breakpoint
CREATE TABLE "plan"."webhook_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"api_id" uuid NOT NULL,
	"path" text NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"signature_verification" text,
	"idempotent" boolean,
	"replay_window_seconds" integer,
	CONSTRAINT "webhook_endpoints_signature_verification_check" CHECK ("plan"."webhook_endpoints"."signature_verification" in ('hmac-sha256', 'jwt', 'mtls', 'none'))
);
--> statement-breakpoint
ALTER TABLE "plan_area_exclusions" ADD CONSTRAINT "plan_area_exclusions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_area_exclusions" ADD CONSTRAINT "plan_area_exclusions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_disabled_checks" ADD CONSTRAINT "readiness_disabled_checks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_scores" ADD CONSTRAINT "readiness_scores_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_scores" ADD CONSTRAINT "readiness_scores_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_waivers" ADD CONSTRAINT "readiness_waivers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_waivers" ADD CONSTRAINT "readiness_waivers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."dead_letter_handling" ADD CONSTRAINT "dead_letter_handling_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."dead_letter_handling" ADD CONSTRAINT "dead_letter_handling_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_queues" ADD CONSTRAINT "job_queues_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_queues" ADD CONSTRAINT "job_queues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_types" ADD CONSTRAINT "job_types_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_types" ADD CONSTRAINT "job_types_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_types" ADD CONSTRAINT "job_types_queue_id_job_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "plan"."job_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_types" ADD CONSTRAINT "job_types_retry_policy_id_retry_policies_id_fk" FOREIGN KEY ("retry_policy_id") REFERENCES "plan"."retry_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."job_types" ADD CONSTRAINT "job_types_dead_letter_handling_id_dead_letter_handling_id_fk" FOREIGN KEY ("dead_letter_handling_id") REFERENCES "plan"."dead_letter_handling"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."retry_policies" ADD CONSTRAINT "retry_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."retry_policies" ADD CONSTRAINT "retry_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."scheduled_jobs" ADD CONSTRAINT "scheduled_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."scheduled_jobs" ADD CONSTRAINT "scheduled_jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."scheduled_jobs" ADD CONSTRAINT "scheduled_jobs_job_type_id_job_types_id_fk" FOREIGN KEY ("job_type_id") REFERENCES "plan"."job_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD CONSTRAINT "feature_flags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feature_flags" ADD CONSTRAINT "feature_flags_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_dependencies" ADD CONSTRAINT "flag_dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_dependencies" ADD CONSTRAINT "flag_dependencies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_dependencies" ADD CONSTRAINT "flag_dependencies_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_dependencies" ADD CONSTRAINT "flag_dependencies_depends_on_flag_id_feature_flags_id_fk" FOREIGN KEY ("depends_on_flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_lifecycle" ADD CONSTRAINT "flag_lifecycle_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_lifecycle" ADD CONSTRAINT "flag_lifecycle_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_lifecycle" ADD CONSTRAINT "flag_lifecycle_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_monitoring_config" ADD CONSTRAINT "flag_monitoring_config_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_monitoring_config" ADD CONSTRAINT "flag_monitoring_config_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_monitoring_config" ADD CONSTRAINT "flag_monitoring_config_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_targeting_rules" ADD CONSTRAINT "flag_targeting_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_targeting_rules" ADD CONSTRAINT "flag_targeting_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."flag_targeting_rules" ADD CONSTRAINT "flag_targeting_rules_flag_id_feature_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "plan"."feature_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."api_cost_tracking" ADD CONSTRAINT "api_cost_tracking_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."api_cost_tracking" ADD CONSTRAINT "api_cost_tracking_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."api_cost_tracking" ADD CONSTRAINT "api_cost_tracking_api_id_third_party_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "plan"."third_party_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."circuit_breaker_configs" ADD CONSTRAINT "circuit_breaker_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."circuit_breaker_configs" ADD CONSTRAINT "circuit_breaker_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."circuit_breaker_configs" ADD CONSTRAINT "circuit_breaker_configs_api_id_third_party_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "plan"."third_party_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."fallback_strategies" ADD CONSTRAINT "fallback_strategies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."fallback_strategies" ADD CONSTRAINT "fallback_strategies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."fallback_strategies" ADD CONSTRAINT "fallback_strategies_api_id_third_party_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "plan"."third_party_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rate_limit_configs" ADD CONSTRAINT "rate_limit_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rate_limit_configs" ADD CONSTRAINT "rate_limit_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rate_limit_configs" ADD CONSTRAINT "rate_limit_configs_api_id_third_party_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "plan"."third_party_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."third_party_apis" ADD CONSTRAINT "third_party_apis_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."third_party_apis" ADD CONSTRAINT "third_party_apis_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_api_id_third_party_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "plan"."third_party_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_area_exclusions_unique" ON "plan_area_exclusions" USING btree ("project_id","area");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_disabled_checks_unique" ON "readiness_disabled_checks" USING btree ("workspace_id","check_id");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_scores_project_day" ON "readiness_scores" USING btree ("project_id","day");--> statement-breakpoint
CREATE INDEX "readiness_waivers_project_idx" ON "readiness_waivers" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "dead_letter_handling_project_idx" ON "plan"."dead_letter_handling" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "job_queues_project_idx" ON "plan"."job_queues" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "job_types_project_idx" ON "plan"."job_types" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "retry_policies_project_idx" ON "plan"."retry_policies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_project_idx" ON "plan"."scheduled_jobs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "feature_flags_project_idx" ON "plan"."feature_flags" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flag_dependencies_project_idx" ON "plan"."flag_dependencies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flag_lifecycle_project_idx" ON "plan"."flag_lifecycle" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flag_monitoring_config_project_idx" ON "plan"."flag_monitoring_config" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "flag_targeting_rules_project_idx" ON "plan"."flag_targeting_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "api_cost_tracking_project_idx" ON "plan"."api_cost_tracking" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "circuit_breaker_configs_project_idx" ON "plan"."circuit_breaker_configs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "fallback_strategies_project_idx" ON "plan"."fallback_strategies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rate_limit_configs_project_idx" ON "plan"."rate_limit_configs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "third_party_apis_project_idx" ON "plan"."third_party_apis" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_project_idx" ON "plan"."webhook_endpoints" USING btree ("project_id","created_at","id");