-- Story candidate keys (server/pipeline/distributed/GROUPING.md): for each document, the hashed features that only a
-- few versions of one story share and that survive translation or spinning: its anchors (numbers, dates, names,
-- two-word names; group/features.ts) and its sentence skeletons. Matched in SQL: two documents that share rare
-- keys are candidates to be one story. fnv-32 hashes are stored as integer (the same 32 bits, signed).
CREATE TABLE document_keys (
  key          integer NOT NULL,
  document_id  bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (key, document_id)
);
CREATE INDEX document_keys_document ON document_keys (document_id);
