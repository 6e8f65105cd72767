CREATE TABLE "plan"."audit_search_indexes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"audit_log_id" uuid NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"questions" text DEFAULT '' NOT NULL,
	"search_access" text,
	"last_query_tested_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."audit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audit_log_id" uuid,
	"captured_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"personal_data" boolean,
	"required_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"verified_at" timestamp (3) with time zone,
	CONSTRAINT "audit_events_category_check" CHECK ("plan"."audit_events"."category" in ('authentication', 'authorization', 'data-access', 'data-change', 'configuration', 'administration', 'security', 'financial'))
);
--> statement-breakpoint
CREATE TABLE "plan"."audit_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"store" text,
	"immutability" text,
	"integrity_verification" text,
	"encrypted_at_rest" boolean,
	"read_access" text,
	"retention_policy_id" uuid,
	"last_integrity_check_at" timestamp (3) with time zone,
	"last_integrity_check_result" text,
	CONSTRAINT "audit_logs_immutability_check" CHECK ("plan"."audit_logs"."immutability" in ('append-only-table', 'worm-storage', 'hash-chain', 'none')),
	CONSTRAINT "audit_logs_integrity_verification_check" CHECK ("plan"."audit_logs"."integrity_verification" in ('hash-chain', 'signatures', 'none')),
	CONSTRAINT "audit_logs_last_integrity_check_result_check" CHECK ("plan"."audit_logs"."last_integrity_check_result" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."audit_retention_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"retention_days" integer NOT NULL,
	"legal_basis" text,
	"archive_after_days" integer,
	"archive_location" text,
	"disposal" text,
	"legal_hold" boolean,
	CONSTRAINT "audit_retention_policies_disposal_check" CHECK ("plan"."audit_retention_policies"."disposal" in ('delete', 'anonymise', 'keep-archived'))
);
--> statement-breakpoint
CREATE TABLE "plan"."batch_checkpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"batch_job_id" uuid NOT NULL,
	"strategy" text NOT NULL,
	"storage" text,
	"every_records" integer,
	"resume_tested_at" timestamp (3) with time zone,
	CONSTRAINT "batch_checkpoints_strategy_check" CHECK ("plan"."batch_checkpoints"."strategy" in ('offset', 'timestamp-watermark', 'cursor', 'file-marker', 'partition'))
);
--> statement-breakpoint
CREATE TABLE "plan"."batch_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pipeline_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"inputs" text[] DEFAULT '{}'::text[] NOT NULL,
	"outputs" text[] DEFAULT '{}'::text[] NOT NULL,
	"idempotent" boolean,
	"on_failure" text,
	"max_retries" integer,
	"expected_duration_minutes" integer,
	"owner" text,
	CONSTRAINT "batch_jobs_on_failure_check" CHECK ("plan"."batch_jobs"."on_failure" in ('retry', 'alert', 'skip', 'halt-pipeline'))
);
--> statement-breakpoint
CREATE TABLE "plan"."batch_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"batch_job_id" uuid NOT NULL,
	"cron" text,
	"timezone" text,
	"after_job_id" uuid,
	"last_run_at" timestamp (3) with time zone,
	"last_run_status" text,
	CONSTRAINT "batch_schedules_last_run_status_check" CHECK ("plan"."batch_schedules"."last_run_status" in ('succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."data_pipelines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text,
	"destination" text,
	"owner" text,
	"freshness_sla_minutes" integer,
	"last_succeeded_at" timestamp (3) with time zone,
	CONSTRAINT "data_pipelines_kind_check" CHECK ("plan"."data_pipelines"."kind" in ('etl', 'elt', 'streaming', 'replication', 'export', 'import'))
);
--> statement-breakpoint
CREATE TABLE "plan"."data_quality_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"expression" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"last_evaluated_at" timestamp (3) with time zone,
	"last_result" text,
	CONSTRAINT "data_quality_rules_kind_check" CHECK ("plan"."data_quality_rules"."kind" in ('not-null', 'unique', 'range', 'freshness', 'row-count', 'referential', 'schema', 'custom')),
	CONSTRAINT "data_quality_rules_severity_check" CHECK ("plan"."data_quality_rules"."severity" in ('block', 'warn')),
	CONSTRAINT "data_quality_rules_last_result_check" CHECK ("plan"."data_quality_rules"."last_result" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."backup_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"backup_strategy_id" uuid NOT NULL,
	"cron" text,
	"interval_minutes" integer NOT NULL,
	"alert_on_failure" boolean,
	"last_succeeded_at" timestamp (3) with time zone,
	"last_status" text,
	CONSTRAINT "backup_schedules_last_status_check" CHECK ("plan"."backup_schedules"."last_status" in ('succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."backup_strategies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"recovery_objective_id" uuid NOT NULL,
	"method" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"storage_location" text,
	"offsite" boolean,
	"encrypted" boolean,
	"immutable" boolean,
	"retention_days" integer,
	CONSTRAINT "backup_strategies_method_check" CHECK ("plan"."backup_strategies"."method" in ('full', 'incremental', 'differential', 'continuous-archiving', 'snapshot', 'replication'))
);
--> statement-breakpoint
CREATE TABLE "plan"."backup_test_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"recovery_objective_id" uuid NOT NULL,
	"procedure" text DEFAULT '' NOT NULL,
	"frequency_days" integer,
	"last_run_at" timestamp (3) with time zone,
	"last_result" text,
	"measured_rto_minutes" integer,
	"measured_rpo_minutes" integer,
	CONSTRAINT "backup_test_plans_last_result_check" CHECK ("plan"."backup_test_plans"."last_result" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."recovery_objectives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tier" text NOT NULL,
	"rto_minutes" integer,
	"rpo_minutes" integer,
	"owner" text,
	"justification" text DEFAULT '' NOT NULL,
	CONSTRAINT "recovery_objectives_tier_check" CHECK ("plan"."recovery_objectives"."tier" in ('critical', 'important', 'standard'))
);
--> statement-breakpoint
CREATE TABLE "plan"."instrumentation_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trace_configuration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"attributes" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "instrumentation_points_kind_check" CHECK ("plan"."instrumentation_points"."kind" in ('http-server', 'http-client', 'database', 'queue-producer', 'queue-consumer', 'cache', 'external-api', 'custom'))
);
--> statement-breakpoint
CREATE TABLE "plan"."sampling_strategies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"ratio" double precision,
	"traces_per_second" integer,
	"keep_errors" boolean,
	"rules" text DEFAULT '' NOT NULL,
	CONSTRAINT "sampling_strategies_kind_check" CHECK ("plan"."sampling_strategies"."kind" in ('always-on', 'probabilistic', 'rate-limited', 'parent-based', 'tail-based', 'always-off'))
);
--> statement-breakpoint
CREATE TABLE "plan"."service_dependencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"from_service_id" uuid NOT NULL,
	"to_service" text NOT NULL,
	"protocol" text NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"context_propagated" boolean,
	"last_seen_in_trace_at" timestamp (3) with time zone,
	CONSTRAINT "service_dependencies_protocol_check" CHECK ("plan"."service_dependencies"."protocol" in ('http', 'grpc', 'queue', 'database', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."trace_configurations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"library" text NOT NULL,
	"propagation" text,
	"exporter" text,
	"backend" text,
	"sampling_strategy_id" uuid,
	"log_correlation" boolean,
	"last_trace_seen_at" timestamp (3) with time zone,
	CONSTRAINT "trace_configurations_library_check" CHECK ("plan"."trace_configurations"."library" in ('opentelemetry', 'zipkin', 'jaeger-client', 'datadog', 'x-ray', 'other')),
	CONSTRAINT "trace_configurations_propagation_check" CHECK ("plan"."trace_configurations"."propagation" in ('w3c-trace-context', 'b3', 'jaeger', 'x-ray', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."file_lifecycle_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"storage_config_id" uuid NOT NULL,
	"prefix" text,
	"transition_after_days" integer,
	"transition_to" text,
	"delete_after_days" integer,
	"abort_incomplete_uploads_after_days" integer,
	"retention_reason" text DEFAULT '' NOT NULL,
	"last_verified_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."file_storage_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"bucket" text,
	"region" text,
	"access" text,
	"encryption" text,
	"versioning" boolean,
	"signed_url_ttl_seconds" integer,
	CONSTRAINT "file_storage_configs_provider_check" CHECK ("plan"."file_storage_configs"."provider" in ('s3', 'gcs', 'azure-blob', 'r2', 'minio', 'local-disk', 'database', 'other')),
	CONSTRAINT "file_storage_configs_access_check" CHECK ("plan"."file_storage_configs"."access" in ('private', 'signed-urls', 'public-read')),
	CONSTRAINT "file_storage_configs_encryption_check" CHECK ("plan"."file_storage_configs"."encryption" in ('provider-managed-key', 'customer-managed-key', 'none'))
);
--> statement-breakpoint
CREATE TABLE "plan"."file_upload_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"storage_config_id" uuid,
	"max_size_mb" integer,
	"allowed_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"content_sniffing" boolean,
	"virus_scanning" text,
	"scanner" text,
	"upload_path" text,
	"scan_tested_at" timestamp (3) with time zone,
	CONSTRAINT "file_upload_policies_virus_scanning_check" CHECK ("plan"."file_upload_policies"."virus_scanning" in ('before-available', 'after-available', 'none')),
	CONSTRAINT "file_upload_policies_upload_path_check" CHECK ("plan"."file_upload_policies"."upload_path" in ('direct-to-storage', 'through-server', 'multipart'))
);
--> statement-breakpoint
CREATE TABLE "plan"."image_processing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"upload_policy_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"parameters" jsonb,
	"runs" text,
	CONSTRAINT "image_processing_rules_operation_check" CHECK ("plan"."image_processing_rules"."operation" in ('resize', 'crop', 'convert', 'compress', 'strip-metadata', 'thumbnail', 'watermark')),
	CONSTRAINT "image_processing_rules_runs_check" CHECK ("plan"."image_processing_rules"."runs" in ('on-upload', 'on-first-request', 'background'))
);
--> statement-breakpoint
CREATE TABLE "plan"."beta_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"release_phase_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"selection_criteria" text DEFAULT '' NOT NULL,
	"target_participants" integer,
	"enrolled_participants" integer,
	"success_criteria" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"owner" text,
	CONSTRAINT "beta_programs_status_check" CHECK ("plan"."beta_programs"."status" in ('planned', 'recruiting', 'running', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."feature_priorities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"priority" text NOT NULL,
	"release_phase_id" uuid,
	"owner" text,
	"rationale" text DEFAULT '' NOT NULL,
	CONSTRAINT "feature_priorities_priority_check" CHECK ("plan"."feature_priorities"."priority" in ('must-have', 'should-have', 'could-have', 'wont-have'))
);
--> statement-breakpoint
CREATE TABLE "plan"."feedback_collection_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"beta_program_id" uuid,
	"release_phase_id" uuid,
	"channel" text NOT NULL,
	"frequency" text,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner" text,
	"last_collected_at" timestamp (3) with time zone,
	"responses_collected" integer,
	CONSTRAINT "feedback_collection_plans_channel_check" CHECK ("plan"."feedback_collection_plans"."channel" in ('in-app-survey', 'interview', 'support-tickets', 'product-analytics', 'community-forum', 'email', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."release_phases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sequence" integer NOT NULL,
	"stage" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"audience" text,
	"rollout_percentage" integer,
	"entry_criteria" text DEFAULT '' NOT NULL,
	"exit_criteria" text DEFAULT '' NOT NULL,
	"rollback_plan" text DEFAULT '' NOT NULL,
	"planned_end" date,
	"completed_at" timestamp (3) with time zone,
	CONSTRAINT "release_phases_stage_check" CHECK ("plan"."release_phases"."stage" in ('internal', 'alpha', 'beta', 'limited-availability', 'general-availability')),
	CONSTRAINT "release_phases_status_check" CHECK ("plan"."release_phases"."status" in ('planned', 'in-progress', 'completed', 'rolled-back'))
);
--> statement-breakpoint
CREATE TABLE "plan"."autoscaling_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"component" text NOT NULL,
	"metric" text,
	"target_value" double precision,
	"min_instances" integer,
	"max_instances" integer,
	"scale_up_cooldown_seconds" integer,
	"scale_down_cooldown_seconds" integer
);
--> statement-breakpoint
CREATE TABLE "plan"."capacity_thresholds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"resource" text NOT NULL,
	"component" text,
	"unit" text,
	"warning_at" double precision,
	"critical_at" double precision,
	"action" text DEFAULT '' NOT NULL,
	CONSTRAINT "capacity_thresholds_resource_check" CHECK ("plan"."capacity_thresholds"."resource" in ('cpu', 'memory', 'disk', 'connections', 'queue-depth', 'request-rate', 'bandwidth', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."load_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requests_per_second" double precision,
	"concurrent_users" integer,
	"growth_per_year_percent" double precision,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "load_profiles_kind_check" CHECK ("plan"."load_profiles"."kind" in ('typical', 'peak', 'spike', 'seasonal', 'soak'))
);
--> statement-breakpoint
CREATE TABLE "plan"."load_test_scenarios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"load_profile_id" uuid,
	"tool" text,
	"script" text,
	"duration_minutes" integer,
	"target_rps" double precision,
	"success_criteria" text DEFAULT '' NOT NULL,
	"last_run_at" timestamp (3) with time zone,
	"last_run_status" text,
	"last_run_report" text,
	CONSTRAINT "load_test_scenarios_tool_check" CHECK ("plan"."load_test_scenarios"."tool" in ('k6', 'locust', 'gatling', 'jmeter', 'artillery', 'vegeta', 'other')),
	CONSTRAINT "load_test_scenarios_last_run_status_check" CHECK ("plan"."load_test_scenarios"."last_run_status" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."performance_baselines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"load_test_scenario_id" uuid,
	"target_p95_ms" double precision,
	"p50_ms" double precision,
	"p95_ms" double precision,
	"p99_ms" double precision,
	"throughput_rps" double precision,
	"error_rate_percent" double precision,
	"measured_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."delivery_tracking" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel_id" uuid NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"bounce_handling" text,
	"complaints_suppress" boolean,
	"target_delivery_rate_percent" double precision,
	"measured_delivery_rate_percent" double precision,
	"measured_at" timestamp (3) with time zone,
	CONSTRAINT "delivery_tracking_bounce_handling_check" CHECK ("plan"."delivery_tracking"."bounce_handling" in ('suppress-address', 'retry-later', 'alert-only'))
);
--> statement-breakpoint
CREATE TABLE "plan"."notification_channels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"provider" text,
	"sender" text,
	"domain_authenticated" boolean,
	"rate_per_minute" integer,
	"fallback" text,
	CONSTRAINT "notification_channels_kind_check" CHECK ("plan"."notification_channels"."kind" in ('email', 'sms', 'push', 'in-app', 'webhook', 'chat'))
);
--> statement-breakpoint
CREATE TABLE "plan"."notification_preferences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"channel_id" uuid,
	"enabled_by_default" boolean,
	"user_controllable" boolean,
	"consent_recorded" boolean,
	CONSTRAINT "notification_preferences_purpose_check" CHECK ("plan"."notification_preferences"."purpose" in ('transactional', 'security', 'marketing', 'operational'))
);
--> statement-breakpoint
CREATE TABLE "plan"."notification_queue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system" text,
	"max_attempts" integer,
	"backoff" text,
	"dedupe_key" text,
	"per_recipient_per_hour" integer,
	"quiet_hours" text,
	CONSTRAINT "notification_queue_backoff_check" CHECK ("plan"."notification_queue"."backoff" in ('exponential', 'linear', 'fixed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."notification_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel_id" uuid,
	"purpose" text NOT NULL,
	"subject" text,
	"body" text DEFAULT '' NOT NULL,
	"variables" text[] DEFAULT '{}'::text[] NOT NULL,
	"locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"unsubscribe_link" boolean,
	"owner" text,
	"last_render_tested_at" timestamp (3) with time zone,
	CONSTRAINT "notification_templates_purpose_check" CHECK ("plan"."notification_templates"."purpose" in ('transactional', 'security', 'marketing', 'operational'))
);
--> statement-breakpoint
CREATE TABLE "plan"."search_analytics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search_index_id" uuid,
	"metric" text NOT NULL,
	"direction" text,
	"target" double precision,
	"current_value" double precision,
	"measured_at" timestamp (3) with time zone,
	CONSTRAINT "search_analytics_metric_check" CHECK ("plan"."search_analytics"."metric" in ('zero-result-rate', 'click-through-rate', 'p95-latency-ms', 'queries-per-day', 'refinement-rate')),
	CONSTRAINT "search_analytics_direction_check" CHECK ("plan"."search_analytics"."direction" in ('at-most', 'at-least'))
);
--> statement-breakpoint
CREATE TABLE "plan"."search_configurations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search_index_id" uuid NOT NULL,
	"language" text,
	"ranking" text DEFAULT '' NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"typo_tolerance" boolean,
	"facets" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_results" integer
);
--> statement-breakpoint
CREATE TABLE "plan"."search_indexes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"engine" text NOT NULL,
	"source" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"sync" text,
	"max_staleness_seconds" integer,
	"permission_filtered" boolean,
	"reindex_procedure" text DEFAULT '' NOT NULL,
	"last_reindex_tested_at" timestamp (3) with time zone,
	CONSTRAINT "search_indexes_engine_check" CHECK ("plan"."search_indexes"."engine" in ('postgres-full-text', 'elasticsearch', 'opensearch', 'meilisearch', 'typesense', 'algolia', 'solr', 'other')),
	CONSTRAINT "search_indexes_sync_check" CHECK ("plan"."search_indexes"."sync" in ('same-transaction', 'change-data-capture', 'queue', 'periodic-reindex'))
);
--> statement-breakpoint
CREATE TABLE "plan"."search_suggestions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search_index_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"min_query_length" integer,
	"max_suggestions" integer,
	"excluded_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"permission_filtered" boolean,
	CONSTRAINT "search_suggestions_kind_check" CHECK ("plan"."search_suggestions"."kind" in ('autocomplete', 'did-you-mean', 'popular-queries', 'related'))
);
--> statement-breakpoint
CREATE TABLE "plan"."key_access_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_id" uuid NOT NULL,
	"destination" text,
	"alert_on_anomaly" boolean,
	"reviewer" text,
	"review_interval_days" integer,
	"last_reviewed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."key_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"activated_at" timestamp (3) with time zone,
	"retire_after" date,
	CONSTRAINT "key_versions_status_check" CHECK ("plan"."key_versions"."status" in ('pending', 'active', 'retiring', 'retired', 'compromised'))
);
--> statement-breakpoint
CREATE TABLE "plan"."rotation_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_id" uuid NOT NULL,
	"interval_days" integer NOT NULL,
	"method" text NOT NULL,
	"procedure" text DEFAULT '' NOT NULL,
	"last_rotated_at" timestamp (3) with time zone,
	CONSTRAINT "rotation_schedules_method_check" CHECK ("plan"."rotation_schedules"."method" in ('automatic', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "plan"."secrets_inventory" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sensitivity" text NOT NULL,
	"store" text,
	"environment" text,
	"used_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner" text,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "secrets_inventory_kind_check" CHECK ("plan"."secrets_inventory"."kind" in ('api-key', 'database-credential', 'signing-key', 'encryption-key', 'tls-certificate', 'oauth-client-secret', 'webhook-secret', 'password', 'other')),
	CONSTRAINT "secrets_inventory_sensitivity_check" CHECK ("plan"."secrets_inventory"."sensitivity" in ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "secrets_inventory_store_check" CHECK ("plan"."secrets_inventory"."store" in ('vault', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault', 'kms', 'kubernetes-secret', 'environment-variable', 'file', 'other'))
);
--> statement-breakpoint
CREATE TABLE "plan"."debt_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text,
	CONSTRAINT "debt_categories_kind_check" CHECK ("plan"."debt_categories"."kind" in ('code', 'architecture', 'test', 'documentation', 'infrastructure', 'dependency', 'security', 'design'))
);
--> statement-breakpoint
CREATE TABLE "plan"."debt_metrics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category_id" uuid,
	"source" text,
	"unit" text,
	"direction" text,
	"target" double precision,
	"current_value" double precision,
	"measured_at" timestamp (3) with time zone,
	CONSTRAINT "debt_metrics_direction_check" CHECK ("plan"."debt_metrics"."direction" in ('at-most', 'at-least'))
);
--> statement-breakpoint
CREATE TABLE "plan"."debt_payment_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity_percent" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"owner" text,
	"target_date" date,
	CONSTRAINT "debt_payment_plans_strategy_check" CHECK ("plan"."debt_payment_plans"."strategy" in ('dedicated-sprint', 'capacity-allocation', 'boy-scout', 'rewrite', 'opportunistic')),
	CONSTRAINT "debt_payment_plans_status_check" CHECK ("plan"."debt_payment_plans"."status" in ('planned', 'active', 'completed', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "plan"."technical_debt_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"severity" text NOT NULL,
	"status" text DEFAULT 'identified' NOT NULL,
	"interest" text DEFAULT '' NOT NULL,
	"location" text,
	"estimate_days" double precision,
	"owner" text,
	"payment_plan_id" uuid,
	"due_date" date,
	"ticket" text,
	CONSTRAINT "technical_debt_items_severity_check" CHECK ("plan"."technical_debt_items"."severity" in ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "technical_debt_items_status_check" CHECK ("plan"."technical_debt_items"."status" in ('identified', 'accepted', 'scheduled', 'in-progress', 'paid', 'wont-fix'))
);
--> statement-breakpoint
CREATE TABLE "plan"."code_examples" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"section_id" uuid,
	"language" text,
	"code" text DEFAULT '' NOT NULL,
	"tested_by" text,
	"last_run_at" timestamp (3) with time zone,
	"last_run_status" text,
	CONSTRAINT "code_examples_last_run_status_check" CHECK ("plan"."code_examples"."last_run_status" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."diagram_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"section_id" uuid,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"generated_from" text,
	"last_verified_at" timestamp (3) with time zone,
	CONSTRAINT "diagram_definitions_kind_check" CHECK ("plan"."diagram_definitions"."kind" in ('architecture', 'sequence', 'entity-relationship', 'flow', 'deployment', 'state')),
	CONSTRAINT "diagram_definitions_format_check" CHECK ("plan"."diagram_definitions"."format" in ('mermaid', 'plantuml', 'dbml', 'graphviz', 'image'))
);
--> statement-breakpoint
CREATE TABLE "plan"."documentation_sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"audience" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"outline" text DEFAULT '' NOT NULL,
	"location" text,
	"owner" text,
	"review_interval_days" integer,
	"last_reviewed_at" timestamp (3) with time zone,
	CONSTRAINT "documentation_sections_audience_check" CHECK ("plan"."documentation_sections"."audience" in ('developers', 'operators', 'users', 'agents', 'security-reviewers')),
	CONSTRAINT "documentation_sections_kind_check" CHECK ("plan"."documentation_sections"."kind" in ('tutorial', 'how-to', 'reference', 'explanation', 'runbook', 'decision-record')),
	CONSTRAINT "documentation_sections_status_check" CHECK ("plan"."documentation_sections"."status" in ('planned', 'draft', 'published', 'outdated'))
);
--> statement-breakpoint
CREATE TABLE "plan"."troubleshooting_guides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"section_id" uuid,
	"symptom" text DEFAULT '' NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"resolution" text DEFAULT '' NOT NULL,
	"alert_name" text,
	"last_verified_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."data_export_formats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vendor_dependency_id" uuid NOT NULL,
	"format" text NOT NULL,
	"open_standard" boolean,
	"method" text DEFAULT '' NOT NULL,
	"last_tested_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."migration_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vendor_dependency_id" uuid NOT NULL,
	"target" text,
	"trigger" text DEFAULT '' NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"estimated_effort_days" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"last_rehearsed_at" timestamp (3) with time zone,
	CONSTRAINT "migration_plans_status_check" CHECK ("plan"."migration_plans"."status" in ('draft', 'reviewed', 'rehearsed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."vendor_abstractions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"vendor_dependency_id" uuid NOT NULL,
	"pattern" text NOT NULL,
	"coverage" text,
	"location" text,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "vendor_abstractions_pattern_check" CHECK ("plan"."vendor_abstractions"."pattern" in ('adapter-interface', 'standard-protocol', 'orm', 'sdk-wrapper', 'none')),
	CONSTRAINT "vendor_abstractions_coverage_check" CHECK ("plan"."vendor_abstractions"."coverage" in ('full', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "plan"."vendor_dependencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"usage" text DEFAULT '' NOT NULL,
	"lock_in_risk" text,
	"holds_data" boolean,
	"proprietary_features" text[] DEFAULT '{}'::text[] NOT NULL,
	"alternatives" text[] DEFAULT '{}'::text[] NOT NULL,
	"annual_cost" double precision,
	"contract_renewal" date,
	"owner" text,
	CONSTRAINT "vendor_dependencies_category_check" CHECK ("plan"."vendor_dependencies"."category" in ('cloud-infrastructure', 'database', 'identity', 'payments', 'messaging', 'observability', 'storage', 'cdn', 'machine-learning', 'other')),
	CONSTRAINT "vendor_dependencies_lock_in_risk_check" CHECK ("plan"."vendor_dependencies"."lock_in_risk" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
ALTER TABLE "plan"."audit_search_indexes" ADD CONSTRAINT "audit_search_indexes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_search_indexes" ADD CONSTRAINT "audit_search_indexes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_search_indexes" ADD CONSTRAINT "audit_search_indexes_audit_log_id_audit_logs_id_fk" FOREIGN KEY ("audit_log_id") REFERENCES "plan"."audit_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_events" ADD CONSTRAINT "audit_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_events" ADD CONSTRAINT "audit_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_events" ADD CONSTRAINT "audit_events_audit_log_id_audit_logs_id_fk" FOREIGN KEY ("audit_log_id") REFERENCES "plan"."audit_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_logs" ADD CONSTRAINT "audit_logs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_logs" ADD CONSTRAINT "audit_logs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_logs" ADD CONSTRAINT "audit_logs_retention_policy_id_audit_retention_policies_id_fk" FOREIGN KEY ("retention_policy_id") REFERENCES "plan"."audit_retention_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_retention_policies" ADD CONSTRAINT "audit_retention_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."audit_retention_policies" ADD CONSTRAINT "audit_retention_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_checkpoints" ADD CONSTRAINT "batch_checkpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_checkpoints" ADD CONSTRAINT "batch_checkpoints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_checkpoints" ADD CONSTRAINT "batch_checkpoints_batch_job_id_batch_jobs_id_fk" FOREIGN KEY ("batch_job_id") REFERENCES "plan"."batch_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_jobs" ADD CONSTRAINT "batch_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_jobs" ADD CONSTRAINT "batch_jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_jobs" ADD CONSTRAINT "batch_jobs_pipeline_id_data_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "plan"."data_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_schedules" ADD CONSTRAINT "batch_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_schedules" ADD CONSTRAINT "batch_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_schedules" ADD CONSTRAINT "batch_schedules_batch_job_id_batch_jobs_id_fk" FOREIGN KEY ("batch_job_id") REFERENCES "plan"."batch_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."batch_schedules" ADD CONSTRAINT "batch_schedules_after_job_id_batch_jobs_id_fk" FOREIGN KEY ("after_job_id") REFERENCES "plan"."batch_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_pipelines" ADD CONSTRAINT "data_pipelines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_pipelines" ADD CONSTRAINT "data_pipelines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_quality_rules" ADD CONSTRAINT "data_quality_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_quality_rules" ADD CONSTRAINT "data_quality_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_quality_rules" ADD CONSTRAINT "data_quality_rules_pipeline_id_data_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "plan"."data_pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_schedules" ADD CONSTRAINT "backup_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_schedules" ADD CONSTRAINT "backup_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_schedules" ADD CONSTRAINT "backup_schedules_backup_strategy_id_backup_strategies_id_fk" FOREIGN KEY ("backup_strategy_id") REFERENCES "plan"."backup_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_strategies" ADD CONSTRAINT "backup_strategies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_strategies" ADD CONSTRAINT "backup_strategies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_strategies" ADD CONSTRAINT "backup_strategies_recovery_objective_id_recovery_objectives_id_fk" FOREIGN KEY ("recovery_objective_id") REFERENCES "plan"."recovery_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_test_plans" ADD CONSTRAINT "backup_test_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_test_plans" ADD CONSTRAINT "backup_test_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."backup_test_plans" ADD CONSTRAINT "backup_test_plans_recovery_objective_id_recovery_objectives_id_fk" FOREIGN KEY ("recovery_objective_id") REFERENCES "plan"."recovery_objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."recovery_objectives" ADD CONSTRAINT "recovery_objectives_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."recovery_objectives" ADD CONSTRAINT "recovery_objectives_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."instrumentation_points" ADD CONSTRAINT "instrumentation_points_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."instrumentation_points" ADD CONSTRAINT "instrumentation_points_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."instrumentation_points" ADD CONSTRAINT "instrumentation_points_trace_configuration_id_trace_configurations_id_fk" FOREIGN KEY ("trace_configuration_id") REFERENCES "plan"."trace_configurations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."sampling_strategies" ADD CONSTRAINT "sampling_strategies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."sampling_strategies" ADD CONSTRAINT "sampling_strategies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."service_dependencies" ADD CONSTRAINT "service_dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."service_dependencies" ADD CONSTRAINT "service_dependencies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."service_dependencies" ADD CONSTRAINT "service_dependencies_from_service_id_trace_configurations_id_fk" FOREIGN KEY ("from_service_id") REFERENCES "plan"."trace_configurations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."trace_configurations" ADD CONSTRAINT "trace_configurations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."trace_configurations" ADD CONSTRAINT "trace_configurations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."trace_configurations" ADD CONSTRAINT "trace_configurations_sampling_strategy_id_sampling_strategies_id_fk" FOREIGN KEY ("sampling_strategy_id") REFERENCES "plan"."sampling_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_lifecycle_policies" ADD CONSTRAINT "file_lifecycle_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_lifecycle_policies" ADD CONSTRAINT "file_lifecycle_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_lifecycle_policies" ADD CONSTRAINT "file_lifecycle_policies_storage_config_id_file_storage_configs_id_fk" FOREIGN KEY ("storage_config_id") REFERENCES "plan"."file_storage_configs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_storage_configs" ADD CONSTRAINT "file_storage_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_storage_configs" ADD CONSTRAINT "file_storage_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_upload_policies" ADD CONSTRAINT "file_upload_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_upload_policies" ADD CONSTRAINT "file_upload_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."file_upload_policies" ADD CONSTRAINT "file_upload_policies_storage_config_id_file_storage_configs_id_fk" FOREIGN KEY ("storage_config_id") REFERENCES "plan"."file_storage_configs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."image_processing_rules" ADD CONSTRAINT "image_processing_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."image_processing_rules" ADD CONSTRAINT "image_processing_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."image_processing_rules" ADD CONSTRAINT "image_processing_rules_upload_policy_id_file_upload_policies_id_fk" FOREIGN KEY ("upload_policy_id") REFERENCES "plan"."file_upload_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."beta_programs" ADD CONSTRAINT "beta_programs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."beta_programs" ADD CONSTRAINT "beta_programs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."beta_programs" ADD CONSTRAINT "beta_programs_release_phase_id_release_phases_id_fk" FOREIGN KEY ("release_phase_id") REFERENCES "plan"."release_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feature_priorities" ADD CONSTRAINT "feature_priorities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feature_priorities" ADD CONSTRAINT "feature_priorities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feature_priorities" ADD CONSTRAINT "feature_priorities_release_phase_id_release_phases_id_fk" FOREIGN KEY ("release_phase_id") REFERENCES "plan"."release_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feedback_collection_plans" ADD CONSTRAINT "feedback_collection_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feedback_collection_plans" ADD CONSTRAINT "feedback_collection_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feedback_collection_plans" ADD CONSTRAINT "feedback_collection_plans_beta_program_id_beta_programs_id_fk" FOREIGN KEY ("beta_program_id") REFERENCES "plan"."beta_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."feedback_collection_plans" ADD CONSTRAINT "feedback_collection_plans_release_phase_id_release_phases_id_fk" FOREIGN KEY ("release_phase_id") REFERENCES "plan"."release_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."release_phases" ADD CONSTRAINT "release_phases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."release_phases" ADD CONSTRAINT "release_phases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."autoscaling_configs" ADD CONSTRAINT "autoscaling_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."autoscaling_configs" ADD CONSTRAINT "autoscaling_configs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."capacity_thresholds" ADD CONSTRAINT "capacity_thresholds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."capacity_thresholds" ADD CONSTRAINT "capacity_thresholds_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."load_profiles" ADD CONSTRAINT "load_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."load_profiles" ADD CONSTRAINT "load_profiles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."load_test_scenarios" ADD CONSTRAINT "load_test_scenarios_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."load_test_scenarios" ADD CONSTRAINT "load_test_scenarios_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."load_test_scenarios" ADD CONSTRAINT "load_test_scenarios_load_profile_id_load_profiles_id_fk" FOREIGN KEY ("load_profile_id") REFERENCES "plan"."load_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."performance_baselines" ADD CONSTRAINT "performance_baselines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."performance_baselines" ADD CONSTRAINT "performance_baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."performance_baselines" ADD CONSTRAINT "performance_baselines_load_test_scenario_id_load_test_scenarios_id_fk" FOREIGN KEY ("load_test_scenario_id") REFERENCES "plan"."load_test_scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."delivery_tracking" ADD CONSTRAINT "delivery_tracking_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."delivery_tracking" ADD CONSTRAINT "delivery_tracking_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."delivery_tracking" ADD CONSTRAINT "delivery_tracking_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "plan"."notification_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_channels" ADD CONSTRAINT "notification_channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_channels" ADD CONSTRAINT "notification_channels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_preferences" ADD CONSTRAINT "notification_preferences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_preferences" ADD CONSTRAINT "notification_preferences_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_preferences" ADD CONSTRAINT "notification_preferences_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "plan"."notification_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_queue" ADD CONSTRAINT "notification_queue_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_queue" ADD CONSTRAINT "notification_queue_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_templates" ADD CONSTRAINT "notification_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_templates" ADD CONSTRAINT "notification_templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."notification_templates" ADD CONSTRAINT "notification_templates_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "plan"."notification_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_analytics" ADD CONSTRAINT "search_analytics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_analytics" ADD CONSTRAINT "search_analytics_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_analytics" ADD CONSTRAINT "search_analytics_search_index_id_search_indexes_id_fk" FOREIGN KEY ("search_index_id") REFERENCES "plan"."search_indexes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_configurations" ADD CONSTRAINT "search_configurations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_configurations" ADD CONSTRAINT "search_configurations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_configurations" ADD CONSTRAINT "search_configurations_search_index_id_search_indexes_id_fk" FOREIGN KEY ("search_index_id") REFERENCES "plan"."search_indexes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_indexes" ADD CONSTRAINT "search_indexes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_indexes" ADD CONSTRAINT "search_indexes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_suggestions" ADD CONSTRAINT "search_suggestions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_suggestions" ADD CONSTRAINT "search_suggestions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."search_suggestions" ADD CONSTRAINT "search_suggestions_search_index_id_search_indexes_id_fk" FOREIGN KEY ("search_index_id") REFERENCES "plan"."search_indexes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_access_logs" ADD CONSTRAINT "key_access_logs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_access_logs" ADD CONSTRAINT "key_access_logs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_access_logs" ADD CONSTRAINT "key_access_logs_secret_id_secrets_inventory_id_fk" FOREIGN KEY ("secret_id") REFERENCES "plan"."secrets_inventory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_versions" ADD CONSTRAINT "key_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_versions" ADD CONSTRAINT "key_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."key_versions" ADD CONSTRAINT "key_versions_secret_id_secrets_inventory_id_fk" FOREIGN KEY ("secret_id") REFERENCES "plan"."secrets_inventory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rotation_schedules" ADD CONSTRAINT "rotation_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rotation_schedules" ADD CONSTRAINT "rotation_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."rotation_schedules" ADD CONSTRAINT "rotation_schedules_secret_id_secrets_inventory_id_fk" FOREIGN KEY ("secret_id") REFERENCES "plan"."secrets_inventory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."secrets_inventory" ADD CONSTRAINT "secrets_inventory_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."secrets_inventory" ADD CONSTRAINT "secrets_inventory_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_categories" ADD CONSTRAINT "debt_categories_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_categories" ADD CONSTRAINT "debt_categories_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_metrics" ADD CONSTRAINT "debt_metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_metrics" ADD CONSTRAINT "debt_metrics_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_metrics" ADD CONSTRAINT "debt_metrics_category_id_debt_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "plan"."debt_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_payment_plans" ADD CONSTRAINT "debt_payment_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."debt_payment_plans" ADD CONSTRAINT "debt_payment_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."technical_debt_items" ADD CONSTRAINT "technical_debt_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."technical_debt_items" ADD CONSTRAINT "technical_debt_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."technical_debt_items" ADD CONSTRAINT "technical_debt_items_category_id_debt_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "plan"."debt_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."technical_debt_items" ADD CONSTRAINT "technical_debt_items_payment_plan_id_debt_payment_plans_id_fk" FOREIGN KEY ("payment_plan_id") REFERENCES "plan"."debt_payment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."code_examples" ADD CONSTRAINT "code_examples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."code_examples" ADD CONSTRAINT "code_examples_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."code_examples" ADD CONSTRAINT "code_examples_section_id_documentation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "plan"."documentation_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."diagram_definitions" ADD CONSTRAINT "diagram_definitions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."diagram_definitions" ADD CONSTRAINT "diagram_definitions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."diagram_definitions" ADD CONSTRAINT "diagram_definitions_section_id_documentation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "plan"."documentation_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."documentation_sections" ADD CONSTRAINT "documentation_sections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."documentation_sections" ADD CONSTRAINT "documentation_sections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."troubleshooting_guides" ADD CONSTRAINT "troubleshooting_guides_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."troubleshooting_guides" ADD CONSTRAINT "troubleshooting_guides_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."troubleshooting_guides" ADD CONSTRAINT "troubleshooting_guides_section_id_documentation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "plan"."documentation_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_export_formats" ADD CONSTRAINT "data_export_formats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_export_formats" ADD CONSTRAINT "data_export_formats_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_export_formats" ADD CONSTRAINT "data_export_formats_vendor_dependency_id_vendor_dependencies_id_fk" FOREIGN KEY ("vendor_dependency_id") REFERENCES "plan"."vendor_dependencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_plans" ADD CONSTRAINT "migration_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_plans" ADD CONSTRAINT "migration_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_plans" ADD CONSTRAINT "migration_plans_vendor_dependency_id_vendor_dependencies_id_fk" FOREIGN KEY ("vendor_dependency_id") REFERENCES "plan"."vendor_dependencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."vendor_abstractions" ADD CONSTRAINT "vendor_abstractions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."vendor_abstractions" ADD CONSTRAINT "vendor_abstractions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."vendor_abstractions" ADD CONSTRAINT "vendor_abstractions_vendor_dependency_id_vendor_dependencies_id_fk" FOREIGN KEY ("vendor_dependency_id") REFERENCES "plan"."vendor_dependencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."vendor_dependencies" ADD CONSTRAINT "vendor_dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."vendor_dependencies" ADD CONSTRAINT "vendor_dependencies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_search_indexes_project_idx" ON "plan"."audit_search_indexes" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_project_idx" ON "plan"."audit_events" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_logs_project_idx" ON "plan"."audit_logs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_retention_policies_project_idx" ON "plan"."audit_retention_policies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "batch_checkpoints_project_idx" ON "plan"."batch_checkpoints" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "batch_jobs_project_idx" ON "plan"."batch_jobs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "batch_schedules_project_idx" ON "plan"."batch_schedules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_pipelines_project_idx" ON "plan"."data_pipelines" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_quality_rules_project_idx" ON "plan"."data_quality_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "backup_schedules_project_idx" ON "plan"."backup_schedules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "backup_strategies_project_idx" ON "plan"."backup_strategies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "backup_test_plans_project_idx" ON "plan"."backup_test_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "recovery_objectives_project_idx" ON "plan"."recovery_objectives" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "instrumentation_points_project_idx" ON "plan"."instrumentation_points" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sampling_strategies_project_idx" ON "plan"."sampling_strategies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_dependencies_project_idx" ON "plan"."service_dependencies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "trace_configurations_project_idx" ON "plan"."trace_configurations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "file_lifecycle_policies_project_idx" ON "plan"."file_lifecycle_policies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "file_storage_configs_project_idx" ON "plan"."file_storage_configs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "file_upload_policies_project_idx" ON "plan"."file_upload_policies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "image_processing_rules_project_idx" ON "plan"."image_processing_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "beta_programs_project_idx" ON "plan"."beta_programs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "feature_priorities_project_idx" ON "plan"."feature_priorities" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "feedback_collection_plans_project_idx" ON "plan"."feedback_collection_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "release_phases_project_idx" ON "plan"."release_phases" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "autoscaling_configs_project_idx" ON "plan"."autoscaling_configs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "capacity_thresholds_project_idx" ON "plan"."capacity_thresholds" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "load_profiles_project_idx" ON "plan"."load_profiles" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "load_test_scenarios_project_idx" ON "plan"."load_test_scenarios" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "performance_baselines_project_idx" ON "plan"."performance_baselines" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "delivery_tracking_project_idx" ON "plan"."delivery_tracking" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_channels_project_idx" ON "plan"."notification_channels" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_preferences_project_idx" ON "plan"."notification_preferences" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_queue_project_idx" ON "plan"."notification_queue" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_templates_project_idx" ON "plan"."notification_templates" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "search_analytics_project_idx" ON "plan"."search_analytics" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "search_configurations_project_idx" ON "plan"."search_configurations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "search_indexes_project_idx" ON "plan"."search_indexes" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "search_suggestions_project_idx" ON "plan"."search_suggestions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "key_access_logs_project_idx" ON "plan"."key_access_logs" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "key_versions_project_idx" ON "plan"."key_versions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rotation_schedules_project_idx" ON "plan"."rotation_schedules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "secrets_inventory_project_idx" ON "plan"."secrets_inventory" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "debt_categories_project_idx" ON "plan"."debt_categories" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "debt_metrics_project_idx" ON "plan"."debt_metrics" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "debt_payment_plans_project_idx" ON "plan"."debt_payment_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "technical_debt_items_project_idx" ON "plan"."technical_debt_items" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "code_examples_project_idx" ON "plan"."code_examples" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "diagram_definitions_project_idx" ON "plan"."diagram_definitions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "documentation_sections_project_idx" ON "plan"."documentation_sections" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "troubleshooting_guides_project_idx" ON "plan"."troubleshooting_guides" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_export_formats_project_idx" ON "plan"."data_export_formats" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "migration_plans_project_idx" ON "plan"."migration_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "vendor_abstractions_project_idx" ON "plan"."vendor_abstractions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "vendor_dependencies_project_idx" ON "plan"."vendor_dependencies" USING btree ("project_id","created_at","id");