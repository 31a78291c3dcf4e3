-- tapat schema, first cut. Later capabilities add their own numbered migrations.
-- Offsets (start/end) are JavaScript string indexes (UTF-16 code units) into documents.text.

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,               -- file path; for JSONL records "file.jsonl#L12"
  url         TEXT,
  title       TEXT,
  format      TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'jsonl')),
  encoding    TEXT NOT NULL,               -- what the bytes were decoded from (utf-8, utf-16le, windows-1252, ...)
  lang        TEXT NOT NULL CHECK (lang IN ('tl', 'en', 'other')),
  text        TEXT NOT NULL,               -- the text every offset points into (extracted text for HTML)
  sha256      TEXT NOT NULL UNIQUE,        -- of text: the same text ingested twice is one document
  created_at  TEXT NOT NULL
);

CREATE TABLE segments (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,           -- 0-based sentence number within the document
  paragraph    INTEGER NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  lang         TEXT NOT NULL CHECK (lang IN ('tl', 'en', 'other')),
  boilerplate  TEXT,                       -- NULL, or why the segment is scrape junk
  UNIQUE (document_id, idx)
);

-- An audit is one story: several versions (documents) with roles.
CREATE TABLE audits (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  pivot_document_id INTEGER REFERENCES documents (id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE audit_versions (
  audit_id     INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('source', 'translation', 'spin', 'unknown')),
  PRIMARY KEY (audit_id, document_id)
);
CREATE INDEX audit_versions_document ON audit_versions (document_id);

-- One alignment per ordered pair of versions in an audit; its beads in order.
CREATE TABLE alignments (
  id               INTEGER PRIMARY KEY,
  audit_id         INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  src_document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  tgt_document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  method           TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (audit_id, src_document_id, tgt_document_id)
);

CREATE TABLE beads (
  alignment_id  INTEGER NOT NULL REFERENCES alignments (id) ON DELETE CASCADE,
  ord           INTEGER NOT NULL,
  src           TEXT NOT NULL,              -- JSON array of segment idx in the source document
  tgt           TEXT NOT NULL,              -- JSON array of segment idx in the target document
  score         REAL NOT NULL,
  PRIMARY KEY (alignment_id, ord)
);

-- A flag is a detector's finding. Raw score and decision are stored apart (score vs severity/confidence);
-- what a reviewer decided lives in verdicts. fingerprint identifies "the same finding" across re-runs.
CREATE TABLE flags (
  id                 INTEGER PRIMARY KEY,
  audit_id           INTEGER REFERENCES audits (id) ON DELETE CASCADE,
  document_id        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,  -- the side the span is in
  other_document_id  INTEGER REFERENCES documents (id) ON DELETE CASCADE,           -- the other side of a pair
  detector           TEXT NOT NULL,
  category           TEXT NOT NULL,
  severity           TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  confidence         REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  raw_score          REAL,
  segments           TEXT NOT NULL DEFAULT '[]',   -- JSON segment idx in document_id
  other_segments     TEXT NOT NULL DEFAULT '[]',   -- JSON segment idx in other_document_id
  start              INTEGER,                      -- span in document_id's text
  end                INTEGER,
  other_start        INTEGER,
  other_end          INTEGER,
  message            TEXT NOT NULL,
  evidence           TEXT NOT NULL DEFAULT '{}',   -- JSON
  suggestion         TEXT,
  fingerprint        TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,   -- bumped on every change and every verdict
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale')),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (document_id, fingerprint)
);
CREATE INDEX flags_audit ON flags (audit_id, status);
CREATE INDEX flags_detector ON flags (detector);

CREATE TABLE reviewers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  token_hash  TEXT NOT NULL UNIQUE,          -- sha256 of the bearer token; the token itself is never stored
  role        TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'admin')),
  created_at  TEXT NOT NULL
);

-- Append-only. The current state of a flag is a query over its history.
CREATE TABLE verdicts (
  id            INTEGER PRIMARY KEY,
  flag_id       INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
  action        TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'correct', 'undo')),
  text          TEXT,                         -- corrected text for 'correct'
  reviewer_id   INTEGER NOT NULL REFERENCES reviewers (id),
  flag_version  INTEGER NOT NULL,             -- the version of the flag this verdict answered
  undoes        INTEGER REFERENCES verdicts (id),
  created_at    TEXT NOT NULL
);
CREATE INDEX verdicts_flag ON verdicts (flag_id, id);

CREATE TRIGGER verdicts_no_update BEFORE UPDATE ON verdicts
BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
CREATE TRIGGER verdicts_no_delete BEFORE DELETE ON verdicts
WHEN (SELECT COUNT(*) FROM flags WHERE id = OLD.flag_id) > 0
BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;

CREATE TABLE batch_runs (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL,                 -- hash of the inputs + options: the same batch resumes this run
  status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  options      TEXT NOT NULL DEFAULT '{}',
  stats        TEXT NOT NULL DEFAULT '{}',
  started_at   TEXT NOT NULL,
  finished_at  TEXT
);
CREATE INDEX batch_runs_key ON batch_runs (key);

CREATE TABLE batch_items (
  run_id       INTEGER NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
  item_key     TEXT NOT NULL,                 -- path, or path#Lnn for JSONL records
  status       TEXT NOT NULL CHECK (status IN ('done', 'refused')),
  document_id  INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  message      TEXT,
  PRIMARY KEY (run_id, item_key)
);

CREATE TABLE llm_cache (
  key         TEXT PRIMARY KEY,               -- sha256(model + kind + prompt)
  model       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('chat', 'embedding')),
  response    TEXT NOT NULL,
  tokens      INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
