-- Row-level security as a second wall between workspaces (see docs/security.md).
-- Requests run their queries in transactions that set `shipshape.workspace_id` and switch to the
-- NOLOGIN role shipshape_tenant; the policies below show and accept only that workspace's rows.
-- Other roles (the migrating user, table owners, superusers) are not confined by these policies,
-- so maintenance and cross-workspace system work keep working. Creating a role needs CREATEROLE:
-- without it this migration still succeeds and the application filters remain the only wall.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    CREATE ROLE shipshape_tenant NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently by another database's migration
  WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role shipshape_tenant; row-level security stays inactive';
END $$;
--> statement-breakpoint
-- Enables the workspace policy on a table with a workspace_id column. Later migrations that add a
-- workspace-owned table call it: SELECT shipshape_enable_workspace_rls('plan.feature_flags');
CREATE OR REPLACE FUNCTION shipshape_enable_workspace_rls(target regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS workspace_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY workspace_isolation ON %s TO shipshape_tenant '
    'USING (workspace_id = nullif(current_setting(''shipshape.workspace_id'', true), '''')::uuid) '
    'WITH CHECK (workspace_id = nullif(current_setting(''shipshape.workspace_id'', true), '''')::uuid)',
    target);
END
$fn$;
--> statement-breakpoint
DO $$
DECLARE
  item record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    RETURN;
  END IF;
  BEGIN
    EXECUTE format('GRANT shipshape_tenant TO %I', current_user);
  EXCEPTION WHEN OTHERS THEN
    -- Superusers need no membership; others without it keep the application filters only.
    RAISE NOTICE 'cannot grant shipshape_tenant to %: %', current_user, SQLERRM;
  END;
  FOR item IN
    SELECT nspname FROM pg_namespace
    WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('information_schema', 'drizzle')
  LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO shipshape_tenant', item.nspname);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO shipshape_tenant', item.nspname);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO shipshape_tenant', item.nspname);
  END LOOP;
  -- Tables and schemas later migrations create are usable by the role too.
  ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO shipshape_tenant;
  ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO shipshape_tenant;
  ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO shipshape_tenant;
  FOR item IN
    SELECT c.oid::regclass AS target
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attname = 'workspace_id' AND NOT a.attisdropped
      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  LOOP
    PERFORM shipshape_enable_workspace_rls(item.target);
  END LOOP;
END $$;
