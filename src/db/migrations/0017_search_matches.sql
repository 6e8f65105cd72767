-- The full-text match of a search, run as the table's owner. Under row-level security PostgreSQL
-- evaluates the workspace policy before any operator that is not leakproof, and `@@` is not: the
-- GIN index on the document could not be used, and every search read all of its workspace's
-- documents (about 0.5 s at 100,000 of them). This function answers only rows of the workspace it
-- is asked for when that is also the calling session's workspace — the setting the policy reads —
-- so both walls hold, and the index is used.
CREATE OR REPLACE FUNCTION shipshape_search_matches(workspace uuid, query tsquery, types text[])
RETURNS TABLE (entity_type text, entity_id uuid, project_id uuid, status text, tags text[], rank real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT d.entity_type, d.entity_id, d.project_id, d.status, d.tags, ts_rank_cd(d.document, query, 32)
  FROM search_documents d
  WHERE d.workspace_id = workspace
    AND workspace = nullif(current_setting('shipshape.workspace_id', true), '')::uuid
    AND d.entity_type = ANY (types)
    AND d.document @@ query
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shipshape_search_matches(uuid, tsquery, text[]) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    GRANT EXECUTE ON FUNCTION shipshape_search_matches(uuid, tsquery, text[]) TO shipshape_tenant;
  END IF;
END $$;
--> statement-breakpoint
-- "Did you mean": titles and tags close to what was typed (pg_trgm word similarity). The same
-- reason and the same guard as above: `<%` is not leakproof, so under the policy the trigram
-- indexes could not be used.
CREATE OR REPLACE FUNCTION shipshape_close_titles_and_tags(workspace uuid, types text[], typed text)
RETURNS TABLE (kind text, text text, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT found.kind, found.text, found.score FROM (
    (SELECT 'title'::text AS kind, d.title AS text, word_similarity(typed, d.title) AS score
      FROM search_documents d
      WHERE d.workspace_id = workspace
        AND workspace = nullif(current_setting('shipshape.workspace_id', true), '')::uuid
        AND d.entity_type = ANY (types) AND typed <% d.title
      ORDER BY score DESC, d.title LIMIT 5)
    UNION ALL
    (SELECT 'tag'::text, tags.tag, word_similarity(typed, tags.tag) AS score
      FROM (SELECT DISTINCT unnest(d.tags) AS tag FROM search_documents d
        WHERE d.workspace_id = workspace
          AND workspace = nullif(current_setting('shipshape.workspace_id', true), '')::uuid
          AND d.entity_type = ANY (types) AND typed <% d.tag_text) tags
      ORDER BY score DESC, tags.tag LIMIT 5)) found
  ORDER BY found.score DESC, found.text LIMIT 5
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shipshape_close_titles_and_tags(uuid, text[], text) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    GRANT EXECUTE ON FUNCTION shipshape_close_titles_and_tags(uuid, text[], text) TO shipshape_tenant;
  END IF;
END $$;
--> statement-breakpoint
-- Autocomplete's bounded samples: titles with a word starting with what was typed, and the tags of
-- documents whose tags contain it. ILIKE is not leakproof either; same guard as above.
CREATE OR REPLACE FUNCTION shipshape_titles_like(workspace uuid, types text[], prefix text, word_prefix text, sample integer)
RETURNS TABLE (title text, entity_type text, entity_id uuid, project_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT d.title, d.entity_type, d.entity_id, d.project_id FROM search_documents d
  WHERE d.workspace_id = workspace
    AND workspace = nullif(current_setting('shipshape.workspace_id', true), '')::uuid
    AND d.entity_type = ANY (types) AND (d.title ILIKE prefix OR d.title ILIKE word_prefix)
  LIMIT sample
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shipshape_tags_like(workspace uuid, types text[], pattern text, sample integer)
RETURNS TABLE (tags text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT d.tags FROM search_documents d
  WHERE d.workspace_id = workspace
    AND workspace = nullif(current_setting('shipshape.workspace_id', true), '')::uuid
    AND d.entity_type = ANY (types) AND d.tag_text ILIKE pattern
  LIMIT sample
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shipshape_titles_like(uuid, text[], text, text, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shipshape_tags_like(uuid, text[], text, integer) FROM PUBLIC;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shipshape_tenant') THEN
    GRANT EXECUTE ON FUNCTION shipshape_titles_like(uuid, text[], text, text, integer) TO shipshape_tenant;
    GRANT EXECUTE ON FUNCTION shipshape_tags_like(uuid, text[], text, integer) TO shipshape_tenant;
  END IF;
END $$;
