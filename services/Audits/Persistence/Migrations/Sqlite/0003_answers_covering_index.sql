-- Results and closing count a programme's answers by criterion and counted value in the database; this index
-- holds every column they read, so SQLite answers them from the index alone.
CREATE INDEX ix_case_audit_answers_counted ON case_audit_answers (case_audit_id, criterion_id, value, moderated_value);
