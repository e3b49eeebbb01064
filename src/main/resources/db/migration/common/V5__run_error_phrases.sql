-- Why a run fell short, also as the phrases it was told in (JSON), so that each reader of the run
-- history reads it in their own language; error keeps it as the brief's language told it.
-- Portable between H2 2.x and PostgreSQL 10+.
ALTER TABLE bp_runs ADD COLUMN error_phrases VARCHAR(8000);
