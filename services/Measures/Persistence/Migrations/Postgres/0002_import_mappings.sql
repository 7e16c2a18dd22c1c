-- Import mappings organisations upload (docs/import-mappings.md): every version kept, never updated.
-- A changed document is the next version of its id; the shipped mappings live in the assembly, not here.
CREATE TABLE import_mappings (
    organisation_code   text        NOT NULL,
    mapping_id          text        NOT NULL,
    version             integer     NOT NULL,
    title               text        NOT NULL,
    document            text        NOT NULL,
    document_sha_256    text        NOT NULL,
    uploaded_by         text        NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    PRIMARY KEY (organisation_code, mapping_id, version)
);
