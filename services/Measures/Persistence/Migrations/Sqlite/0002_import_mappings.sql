-- Import mappings organisations upload (docs/import-mappings.md): every version kept, never updated.
-- A changed document is the next version of its id; the shipped mappings live in the assembly, not here.
CREATE TABLE import_mappings (
    organisation_code   TEXT    NOT NULL,
    mapping_id          TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    title               TEXT    NOT NULL,
    document            TEXT    NOT NULL,
    document_sha_256    TEXT    NOT NULL,
    uploaded_by         TEXT    NOT NULL,
    uploaded_at         TEXT    NOT NULL,
    PRIMARY KEY (organisation_code, mapping_id, version)
);
