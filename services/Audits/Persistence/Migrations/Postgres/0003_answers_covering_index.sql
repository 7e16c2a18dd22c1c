-- Results and closing count a programme's answers by criterion and counted value (COALESCE(moderated_value, value))
-- in the database. This index holds every column they read, so PostgreSQL answers them from the index alone
-- (an index-only scan once autovacuum has marked the pages visible) instead of visiting the table's rows.
CREATE INDEX ix_case_audit_answers_counted ON case_audit_answers (case_audit_id) INCLUDE (criterion_id, value, moderated_value);
