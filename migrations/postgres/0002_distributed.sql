-- Distributed batches (tapat audit --enqueue, tapat worker): what every worker process must see of a run.
-- phase: where a distributed run is (NULL for a run made in one process); moved on by the worker that commits
-- the phase's last piece, inside that commit.
ALTER TABLE batch_runs ADD COLUMN phase TEXT CHECK (phase IN ('reading', 'grouping', 'auditing', 'done'));

-- The run's input items in input order, recorded by the enqueuing command (inputs.ts Item as JSON).
CREATE TABLE batch_inputs (
  run_id    bigint NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
  ord       integer NOT NULL,
  item_key  TEXT NOT NULL,
  item      TEXT NOT NULL,
  PRIMARY KEY (run_id, ord)
);

-- Input order of a distributed run's committed items (batch_inputs.ord × 4096 + the document within the item):
-- items are committed by several workers in any order; stories are grouped in input order all the same.
ALTER TABLE batch_items ADD COLUMN ord bigint;

-- Story-discovery features of a document (group/features.ts DocFeatures, v8-serialised), computed by the worker
-- that prepared it, read by the one grouping job of the run; with the run and input position (batch_items.ord)
-- that stored it. Workers store a run's items in any order: when a later copy of a text was stored first, the
-- earlier copy's path, url and title replace its own, so a document is described by its first copy in input
-- order, as the in-process batch does.
CREATE TABLE document_features (
  document_id  bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  features     bytea NOT NULL,
  run_id       bigint REFERENCES batch_runs (id) ON DELETE SET NULL,
  ord          bigint
);

-- The run's stories as grouped, in input order; each is analysed by whichever worker takes its job.
CREATE TABLE batch_plans (
  run_id        bigint NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
  ord           integer NOT NULL,
  story_key     TEXT NOT NULL,
  document_ids  bigint[] NOT NULL,
  PRIMARY KEY (run_id, ord)
);
