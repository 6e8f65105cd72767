CREATE TABLE "plan"."ab_tests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"primary_metric_id" uuid,
	"sample_size" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_on" date,
	"result" text,
	CONSTRAINT "ab_tests_status_check" CHECK ("plan"."ab_tests"."status" in ('planned', 'running', 'concluded')),
	CONSTRAINT "ab_tests_result_check" CHECK ("plan"."ab_tests"."result" in ('win', 'loss', 'inconclusive'))
);
--> statement-breakpoint
CREATE TABLE "plan"."analytics_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"properties" text[] DEFAULT '{}'::text[] NOT NULL,
	"contains_personal_data" boolean,
	"schema_version" integer,
	"owner" text
);
--> statement-breakpoint
CREATE TABLE "plan"."dashboards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"owner" text,
	"last_reviewed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."funnels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"goal_metric_id" uuid,
	"conversion_target_percent" double precision
);
--> statement-breakpoint
CREATE TABLE "plan"."metrics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"event_id" uuid,
	"target" text,
	"owner" text,
	CONSTRAINT "metrics_kind_check" CHECK ("plan"."metrics"."kind" in ('counter', 'gauge', 'ratio', 'histogram'))
);
--> statement-breakpoint
CREATE TABLE "plan"."affected_consumers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"breaking_change_id" uuid NOT NULL,
	"contact" text,
	"notified_at" timestamp (3) with time zone,
	"migrated" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."api_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"current_version" text NOT NULL,
	"spec_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner" text,
	CONSTRAINT "api_contracts_kind_check" CHECK ("plan"."api_contracts"."kind" in ('openapi', 'graphql', 'grpc', 'asyncapi', 'library', 'database')),
	CONSTRAINT "api_contracts_status_check" CHECK ("plan"."api_contracts"."status" in ('draft', 'published', 'deprecated', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "plan"."breaking_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"detected_by" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"deprecation_schedule_id" uuid,
	"migration_guide_id" uuid,
	CONSTRAINT "breaking_changes_detected_by_check" CHECK ("plan"."breaking_changes"."detected_by" in ('contract-diff', 'review', 'consumer-report')),
	CONSTRAINT "breaking_changes_status_check" CHECK ("plan"."breaking_changes"."status" in ('proposed', 'approved', 'shipped', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "plan"."deprecation_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"announced_on" date,
	"sunset_on" date,
	"communication_plan" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."migration_guides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"body" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."cache_invalidation_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"event" text,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "cache_invalidation_rules_trigger_check" CHECK ("plan"."cache_invalidation_rules"."trigger" in ('ttl', 'event', 'write', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "plan"."cache_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid NOT NULL,
	"pattern" text NOT NULL,
	"includes_tenant" boolean,
	"includes_version" boolean
);
--> statement-breakpoint
CREATE TABLE "plan"."cache_strategies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"data" text,
	"layer" text NOT NULL,
	"pattern" text,
	"ttl_seconds" integer,
	"consistency" text,
	"target_hit_rate_percent" double precision,
	"observed_hit_rate_percent" double precision,
	"owner" text,
	CONSTRAINT "cache_strategies_layer_check" CHECK ("plan"."cache_strategies"."layer" in ('browser', 'cdn', 'edge', 'application', 'distributed', 'database')),
	CONSTRAINT "cache_strategies_pattern_check" CHECK ("plan"."cache_strategies"."pattern" in ('cache-aside', 'read-through', 'write-through', 'write-behind')),
	CONSTRAINT "cache_strategies_consistency_check" CHECK ("plan"."cache_strategies"."consistency" in ('strong', 'eventual', 'stale-while-revalidate'))
);
--> statement-breakpoint
CREATE TABLE "plan"."cache_warming_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid NOT NULL,
	"when" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "cache_warming_plans_when_check" CHECK ("plan"."cache_warming_plans"."when" in ('deploy', 'schedule', 'on-demand'))
);
--> statement-breakpoint
CREATE TABLE "plan"."auto_fix_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"finding_id" uuid,
	"hook_id" uuid,
	"tool" text NOT NULL,
	"files_changed" integer,
	"outcome" text NOT NULL,
	"applied_at" timestamp (3) with time zone,
	CONSTRAINT "auto_fix_history_outcome_check" CHECK ("plan"."auto_fix_history"."outcome" in ('applied', 'reverted', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."code_review_checklists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"items" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner" text,
	CONSTRAINT "code_review_checklists_scope_check" CHECK ("plan"."code_review_checklists"."scope" in ('all-changes', 'api', 'database', 'security', 'ui', 'infrastructure'))
);
--> statement-breakpoint
CREATE TABLE "plan"."pre_commit_hooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tool" text NOT NULL,
	"command" text,
	"task_type" text,
	"auto_fix" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."quality_gates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"command" text,
	"threshold" text,
	"blocking" boolean DEFAULT true NOT NULL,
	"last_result" text,
	"last_run_at" timestamp (3) with time zone,
	CONSTRAINT "quality_gates_stage_check" CHECK ("plan"."quality_gates"."stage" in ('pre-commit', 'pre-merge', 'pre-deploy', 'post-deploy')),
	CONSTRAINT "quality_gates_last_result_check" CHECK ("plan"."quality_gates"."last_result" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."review_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gate_id" uuid,
	"checklist_id" uuid,
	"severity" text NOT NULL,
	"disposition" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"location" text,
	"source" text,
	"details" text DEFAULT '' NOT NULL,
	CONSTRAINT "review_findings_severity_check" CHECK ("plan"."review_findings"."severity" in ('critical', 'major', 'minor', 'info')),
	CONSTRAINT "review_findings_disposition_check" CHECK ("plan"."review_findings"."disposition" in ('blocks', 'warns')),
	CONSTRAINT "review_findings_status_check" CHECK ("plan"."review_findings"."status" in ('open', 'fixed', 'accepted', 'false-positive'))
);
--> statement-breakpoint
CREATE TABLE "plan"."coordinated_deployments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"repository_id" uuid NOT NULL,
	"sequence" text DEFAULT '' NOT NULL,
	"rollback_plan" text DEFAULT '' NOT NULL,
	"planned_for" date,
	"status" text DEFAULT 'planned' NOT NULL,
	CONSTRAINT "coordinated_deployments_status_check" CHECK ("plan"."coordinated_deployments"."status" in ('planned', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."cross_repo_dependencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"repository_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"version_constraint" text,
	"contact" text,
	CONSTRAINT "cross_repo_dependencies_kind_check" CHECK ("plan"."cross_repo_dependencies"."kind" in ('api', 'library', 'schema', 'event', 'build')),
	CONSTRAINT "cross_repo_dependencies_direction_check" CHECK ("plan"."cross_repo_dependencies"."direction" in ('consumes', 'provides'))
);
--> statement-breakpoint
CREATE TABLE "plan"."external_repositories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"role" text NOT NULL,
	"owner" text,
	"default_branch" text,
	CONSTRAINT "external_repositories_role_check" CHECK ("plan"."external_repositories"."role" in ('upstream', 'downstream', 'shared-library', 'infrastructure'))
);
--> statement-breakpoint
CREATE TABLE "plan"."shared_libraries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"repository_id" uuid,
	"pinned_version" text,
	"latest_version" text,
	"upgrade_policy" text,
	CONSTRAINT "shared_libraries_upgrade_policy_check" CHECK ("plan"."shared_libraries"."upgrade_policy" in ('pin', 'minor', 'latest'))
);
--> statement-breakpoint
CREATE TABLE "plan"."version_compatibility_matrix" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"library_id" uuid NOT NULL,
	"our_version" text NOT NULL,
	"their_version" text NOT NULL,
	"compatible" boolean,
	"verified_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."data_transformations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid,
	"target_table" text,
	"description" text DEFAULT '' NOT NULL,
	"estimated_rows" integer,
	"batch_size" integer,
	"reversible" boolean
);
--> statement-breakpoint
CREATE TABLE "plan"."migration_risks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid,
	"likelihood" text NOT NULL,
	"impact" text NOT NULL,
	"mitigation" text DEFAULT '' NOT NULL,
	CONSTRAINT "migration_risks_likelihood_check" CHECK ("plan"."migration_risks"."likelihood" in ('low', 'medium', 'high')),
	CONSTRAINT "migration_risks_impact_check" CHECK ("plan"."migration_risks"."impact" in ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "plan"."migration_strategies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pattern" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rollback_plan" text DEFAULT '' NOT NULL,
	"lock_timeout_ms" integer,
	"owner" text,
	CONSTRAINT "migration_strategies_pattern_check" CHECK ("plan"."migration_strategies"."pattern" in ('expand-contract', 'zero-downtime', 'blue-green', 'online-schema-change', 'maintenance-window'))
);
--> statement-breakpoint
CREATE TABLE "plan"."production_test_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"strategy_id" uuid NOT NULL,
	"environment" text NOT NULL,
	"data_volume" text,
	"last_run_at" timestamp (3) with time zone,
	"result" text,
	CONSTRAINT "production_test_plans_environment_check" CHECK ("plan"."production_test_plans"."environment" in ('staging-copy', 'shadow', 'canary', 'production')),
	CONSTRAINT "production_test_plans_result_check" CHECK ("plan"."production_test_plans"."result" in ('passed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."locale_configurations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"locale" text NOT NULL,
	"direction" text DEFAULT 'ltr' NOT NULL,
	"plural_rules" text,
	"date_format" text,
	"number_format" text,
	"fallback_locale" text,
	"is_default" boolean DEFAULT false NOT NULL,
	CONSTRAINT "locale_configurations_direction_check" CHECK ("plan"."locale_configurations"."direction" in ('ltr', 'rtl'))
);
--> statement-breakpoint
CREATE TABLE "plan"."translation_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"namespace" text,
	"context" text DEFAULT '' NOT NULL,
	"max_length" integer
);
--> statement-breakpoint
CREATE TABLE "plan"."translation_memory" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source_locale" text NOT NULL,
	"target_locale" text NOT NULL,
	"entries" integer,
	"last_synced_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan"."translation_workflow" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"tool" text,
	"owner" text,
	"sla_days" integer,
	CONSTRAINT "translation_workflow_stage_check" CHECK ("plan"."translation_workflow"."stage" in ('extract', 'translate', 'review', 'publish'))
);
--> statement-breakpoint
CREATE TABLE "plan"."translations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "translations_status_check" CHECK ("plan"."translations"."status" in ('machine', 'draft', 'reviewed'))
);
--> statement-breakpoint
CREATE TABLE "plan"."data_isolation_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"enforcement" text,
	"applies_to" text,
	"last_verified_at" timestamp (3) with time zone,
	CONSTRAINT "data_isolation_rules_model_check" CHECK ("plan"."data_isolation_rules"."model" in ('database-per-tenant', 'schema-per-tenant', 'shared-row-level', 'shared-application-scoped')),
	CONSTRAINT "data_isolation_rules_enforcement_check" CHECK ("plan"."data_isolation_rules"."enforcement" in ('row-level-security', 'query-scoping', 'separate-credentials', 'separate-infrastructure'))
);
--> statement-breakpoint
CREATE TABLE "plan"."tenant_configurations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tenant_id" uuid,
	"value" text DEFAULT '' NOT NULL,
	"overridable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan"."tenant_limits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tenant_id" uuid,
	"tier" text,
	"resource" text NOT NULL,
	"limit" integer NOT NULL,
	"enforcement" text,
	CONSTRAINT "tenant_limits_tier_check" CHECK ("plan"."tenant_limits"."tier" in ('free', 'standard', 'enterprise')),
	CONSTRAINT "tenant_limits_enforcement_check" CHECK ("plan"."tenant_limits"."enforcement" in ('hard', 'soft', 'alert-only'))
);
--> statement-breakpoint
CREATE TABLE "plan"."tenants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"tier" text NOT NULL,
	"region" text,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "tenants_tier_check" CHECK ("plan"."tenants"."tier" in ('free', 'standard', 'enterprise')),
	CONSTRAINT "tenants_status_check" CHECK ("plan"."tenants"."status" in ('active', 'suspended', 'offboarded'))
);
--> statement-breakpoint
CREATE TABLE "plan"."connection_management_config" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"reconnect_strategy" text,
	"max_reconnect_delay_seconds" integer,
	"ordering" text,
	"resume_from_last_event" boolean,
	"last_load_test_at" timestamp (3) with time zone,
	"tested_connections" integer,
	CONSTRAINT "connection_management_config_reconnect_strategy_check" CHECK ("plan"."connection_management_config"."reconnect_strategy" in ('exponential-backoff', 'fixed-interval', 'none')),
	CONSTRAINT "connection_management_config_ordering_check" CHECK ("plan"."connection_management_config"."ordering" in ('none', 'per-channel', 'global'))
);
--> statement-breakpoint
CREATE TABLE "plan"."event_channels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"endpoint_id" uuid,
	"pattern" text NOT NULL,
	"authorization" text DEFAULT '' NOT NULL,
	"payload_schema" text DEFAULT '' NOT NULL,
	CONSTRAINT "event_channels_pattern_check" CHECK ("plan"."event_channels"."pattern" in ('pub-sub', 'fan-out', 'request-reply', 'presence'))
);
--> statement-breakpoint
CREATE TABLE "plan"."state_sync_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel_id" uuid NOT NULL,
	"strategy" text NOT NULL,
	"conflict_resolution" text DEFAULT '' NOT NULL,
	CONSTRAINT "state_sync_rules_strategy_check" CHECK ("plan"."state_sync_rules"."strategy" in ('last-write-wins', 'crdt', 'operational-transform', 'server-authoritative'))
);
--> statement-breakpoint
CREATE TABLE "plan"."websocket_endpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"protocol" text NOT NULL,
	"authentication" text,
	"max_connections" integer,
	"heartbeat_seconds" integer,
	CONSTRAINT "websocket_endpoints_protocol_check" CHECK ("plan"."websocket_endpoints"."protocol" in ('websocket', 'sse', 'long-polling', 'webtransport')),
	CONSTRAINT "websocket_endpoints_authentication_check" CHECK ("plan"."websocket_endpoints"."authentication" in ('token', 'cookie', 'signed-url', 'none'))
);
--> statement-breakpoint
ALTER TABLE "plan"."ab_tests" ADD CONSTRAINT "ab_tests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."ab_tests" ADD CONSTRAINT "ab_tests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."ab_tests" ADD CONSTRAINT "ab_tests_primary_metric_id_metrics_id_fk" FOREIGN KEY ("primary_metric_id") REFERENCES "plan"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."analytics_events" ADD CONSTRAINT "analytics_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."analytics_events" ADD CONSTRAINT "analytics_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."dashboards" ADD CONSTRAINT "dashboards_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."dashboards" ADD CONSTRAINT "dashboards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."funnels" ADD CONSTRAINT "funnels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."funnels" ADD CONSTRAINT "funnels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."funnels" ADD CONSTRAINT "funnels_goal_metric_id_metrics_id_fk" FOREIGN KEY ("goal_metric_id") REFERENCES "plan"."metrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."metrics" ADD CONSTRAINT "metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."metrics" ADD CONSTRAINT "metrics_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."metrics" ADD CONSTRAINT "metrics_event_id_analytics_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "plan"."analytics_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."affected_consumers" ADD CONSTRAINT "affected_consumers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."affected_consumers" ADD CONSTRAINT "affected_consumers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."affected_consumers" ADD CONSTRAINT "affected_consumers_breaking_change_id_breaking_changes_id_fk" FOREIGN KEY ("breaking_change_id") REFERENCES "plan"."breaking_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."api_contracts" ADD CONSTRAINT "api_contracts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."api_contracts" ADD CONSTRAINT "api_contracts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD CONSTRAINT "breaking_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD CONSTRAINT "breaking_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD CONSTRAINT "breaking_changes_contract_id_api_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "plan"."api_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD CONSTRAINT "breaking_changes_deprecation_schedule_id_deprecation_schedules_id_fk" FOREIGN KEY ("deprecation_schedule_id") REFERENCES "plan"."deprecation_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."breaking_changes" ADD CONSTRAINT "breaking_changes_migration_guide_id_migration_guides_id_fk" FOREIGN KEY ("migration_guide_id") REFERENCES "plan"."migration_guides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."deprecation_schedules" ADD CONSTRAINT "deprecation_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."deprecation_schedules" ADD CONSTRAINT "deprecation_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."deprecation_schedules" ADD CONSTRAINT "deprecation_schedules_contract_id_api_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "plan"."api_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_guides" ADD CONSTRAINT "migration_guides_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_guides" ADD CONSTRAINT "migration_guides_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_invalidation_rules" ADD CONSTRAINT "cache_invalidation_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_invalidation_rules" ADD CONSTRAINT "cache_invalidation_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_invalidation_rules" ADD CONSTRAINT "cache_invalidation_rules_strategy_id_cache_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."cache_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_keys" ADD CONSTRAINT "cache_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_keys" ADD CONSTRAINT "cache_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_keys" ADD CONSTRAINT "cache_keys_strategy_id_cache_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."cache_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_strategies" ADD CONSTRAINT "cache_strategies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_strategies" ADD CONSTRAINT "cache_strategies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_warming_plans" ADD CONSTRAINT "cache_warming_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_warming_plans" ADD CONSTRAINT "cache_warming_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cache_warming_plans" ADD CONSTRAINT "cache_warming_plans_strategy_id_cache_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."cache_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."auto_fix_history" ADD CONSTRAINT "auto_fix_history_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."auto_fix_history" ADD CONSTRAINT "auto_fix_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."auto_fix_history" ADD CONSTRAINT "auto_fix_history_finding_id_review_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "plan"."review_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."auto_fix_history" ADD CONSTRAINT "auto_fix_history_hook_id_pre_commit_hooks_id_fk" FOREIGN KEY ("hook_id") REFERENCES "plan"."pre_commit_hooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."code_review_checklists" ADD CONSTRAINT "code_review_checklists_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."code_review_checklists" ADD CONSTRAINT "code_review_checklists_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."pre_commit_hooks" ADD CONSTRAINT "pre_commit_hooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."pre_commit_hooks" ADD CONSTRAINT "pre_commit_hooks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD CONSTRAINT "quality_gates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."quality_gates" ADD CONSTRAINT "quality_gates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD CONSTRAINT "review_findings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD CONSTRAINT "review_findings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD CONSTRAINT "review_findings_gate_id_quality_gates_id_fk" FOREIGN KEY ("gate_id") REFERENCES "plan"."quality_gates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."review_findings" ADD CONSTRAINT "review_findings_checklist_id_code_review_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "plan"."code_review_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."coordinated_deployments" ADD CONSTRAINT "coordinated_deployments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."coordinated_deployments" ADD CONSTRAINT "coordinated_deployments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."coordinated_deployments" ADD CONSTRAINT "coordinated_deployments_repository_id_external_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "plan"."external_repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cross_repo_dependencies" ADD CONSTRAINT "cross_repo_dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cross_repo_dependencies" ADD CONSTRAINT "cross_repo_dependencies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."cross_repo_dependencies" ADD CONSTRAINT "cross_repo_dependencies_repository_id_external_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "plan"."external_repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."external_repositories" ADD CONSTRAINT "external_repositories_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."external_repositories" ADD CONSTRAINT "external_repositories_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."shared_libraries" ADD CONSTRAINT "shared_libraries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."shared_libraries" ADD CONSTRAINT "shared_libraries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."shared_libraries" ADD CONSTRAINT "shared_libraries_repository_id_external_repositories_id_fk" FOREIGN KEY ("repository_id") REFERENCES "plan"."external_repositories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."version_compatibility_matrix" ADD CONSTRAINT "version_compatibility_matrix_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."version_compatibility_matrix" ADD CONSTRAINT "version_compatibility_matrix_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."version_compatibility_matrix" ADD CONSTRAINT "version_compatibility_matrix_library_id_shared_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "plan"."shared_libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_transformations" ADD CONSTRAINT "data_transformations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_transformations" ADD CONSTRAINT "data_transformations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_transformations" ADD CONSTRAINT "data_transformations_strategy_id_migration_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."migration_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD CONSTRAINT "migration_risks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD CONSTRAINT "migration_risks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_risks" ADD CONSTRAINT "migration_risks_strategy_id_migration_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."migration_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_strategies" ADD CONSTRAINT "migration_strategies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."migration_strategies" ADD CONSTRAINT "migration_strategies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."production_test_plans" ADD CONSTRAINT "production_test_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."production_test_plans" ADD CONSTRAINT "production_test_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."production_test_plans" ADD CONSTRAINT "production_test_plans_strategy_id_migration_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "plan"."migration_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."locale_configurations" ADD CONSTRAINT "locale_configurations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."locale_configurations" ADD CONSTRAINT "locale_configurations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_keys" ADD CONSTRAINT "translation_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_keys" ADD CONSTRAINT "translation_keys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_memory" ADD CONSTRAINT "translation_memory_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_memory" ADD CONSTRAINT "translation_memory_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_workflow" ADD CONSTRAINT "translation_workflow_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translation_workflow" ADD CONSTRAINT "translation_workflow_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translations" ADD CONSTRAINT "translations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translations" ADD CONSTRAINT "translations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."translations" ADD CONSTRAINT "translations_key_id_translation_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "plan"."translation_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_isolation_rules" ADD CONSTRAINT "data_isolation_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."data_isolation_rules" ADD CONSTRAINT "data_isolation_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_configurations" ADD CONSTRAINT "tenant_configurations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_configurations" ADD CONSTRAINT "tenant_configurations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_configurations" ADD CONSTRAINT "tenant_configurations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "plan"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_limits" ADD CONSTRAINT "tenant_limits_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_limits" ADD CONSTRAINT "tenant_limits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenant_limits" ADD CONSTRAINT "tenant_limits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "plan"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenants" ADD CONSTRAINT "tenants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."tenants" ADD CONSTRAINT "tenants_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."connection_management_config" ADD CONSTRAINT "connection_management_config_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."connection_management_config" ADD CONSTRAINT "connection_management_config_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."connection_management_config" ADD CONSTRAINT "connection_management_config_endpoint_id_websocket_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "plan"."websocket_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."event_channels" ADD CONSTRAINT "event_channels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."event_channels" ADD CONSTRAINT "event_channels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."event_channels" ADD CONSTRAINT "event_channels_endpoint_id_websocket_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "plan"."websocket_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."state_sync_rules" ADD CONSTRAINT "state_sync_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."state_sync_rules" ADD CONSTRAINT "state_sync_rules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."state_sync_rules" ADD CONSTRAINT "state_sync_rules_channel_id_event_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "plan"."event_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."websocket_endpoints" ADD CONSTRAINT "websocket_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan"."websocket_endpoints" ADD CONSTRAINT "websocket_endpoints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ab_tests_project_idx" ON "plan"."ab_tests" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "analytics_events_project_idx" ON "plan"."analytics_events" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "dashboards_project_idx" ON "plan"."dashboards" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "funnels_project_idx" ON "plan"."funnels" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "metrics_project_idx" ON "plan"."metrics" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "affected_consumers_project_idx" ON "plan"."affected_consumers" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "api_contracts_project_idx" ON "plan"."api_contracts" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "breaking_changes_project_idx" ON "plan"."breaking_changes" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "deprecation_schedules_project_idx" ON "plan"."deprecation_schedules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "migration_guides_project_idx" ON "plan"."migration_guides" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cache_invalidation_rules_project_idx" ON "plan"."cache_invalidation_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cache_keys_project_idx" ON "plan"."cache_keys" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cache_strategies_project_idx" ON "plan"."cache_strategies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cache_warming_plans_project_idx" ON "plan"."cache_warming_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "auto_fix_history_project_idx" ON "plan"."auto_fix_history" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "code_review_checklists_project_idx" ON "plan"."code_review_checklists" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pre_commit_hooks_project_idx" ON "plan"."pre_commit_hooks" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quality_gates_project_idx" ON "plan"."quality_gates" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "review_findings_project_idx" ON "plan"."review_findings" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "coordinated_deployments_project_idx" ON "plan"."coordinated_deployments" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cross_repo_dependencies_project_idx" ON "plan"."cross_repo_dependencies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "external_repositories_project_idx" ON "plan"."external_repositories" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "shared_libraries_project_idx" ON "plan"."shared_libraries" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "version_compatibility_matrix_project_idx" ON "plan"."version_compatibility_matrix" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_transformations_project_idx" ON "plan"."data_transformations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "migration_risks_project_idx" ON "plan"."migration_risks" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "migration_strategies_project_idx" ON "plan"."migration_strategies" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "production_test_plans_project_idx" ON "plan"."production_test_plans" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "locale_configurations_project_idx" ON "plan"."locale_configurations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "translation_keys_project_idx" ON "plan"."translation_keys" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "translation_memory_project_idx" ON "plan"."translation_memory" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "translation_workflow_project_idx" ON "plan"."translation_workflow" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "translations_project_idx" ON "plan"."translations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "data_isolation_rules_project_idx" ON "plan"."data_isolation_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tenant_configurations_project_idx" ON "plan"."tenant_configurations" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tenant_limits_project_idx" ON "plan"."tenant_limits" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tenants_project_idx" ON "plan"."tenants" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "connection_management_config_project_idx" ON "plan"."connection_management_config" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "event_channels_project_idx" ON "plan"."event_channels" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "state_sync_rules_project_idx" ON "plan"."state_sync_rules" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "websocket_endpoints_project_idx" ON "plan"."websocket_endpoints" USING btree ("project_id","created_at","id");