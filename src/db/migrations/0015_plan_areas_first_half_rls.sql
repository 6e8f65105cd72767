-- Row-level security for the plan tables added by the previous migration: every table with a
-- workspace_id column that is not protected yet gets the workspace policy (see 0011).
DO $$
DECLARE
  item record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    RETURN;
  END IF;
  FOR item IN
    SELECT c.oid::regclass AS target
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attname = 'workspace_id' AND NOT a.attisdropped
      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  LOOP
    PERFORM shipshape_enable_workspace_rls(item.target);
  END LOOP;
END $$;
