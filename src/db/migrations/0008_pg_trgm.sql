-- Trigram matching for typo-tolerant suggestions ("did you mean") and autocomplete in search.
-- PGlite loads the extension in-process; PostgreSQL ships it with contrib (trusted since 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
