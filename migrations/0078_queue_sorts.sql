-- The queue's other sort orders (issue 19): one index per order on the very expressions queue.ts sorts by
-- (SORT_KEYS), after status, so a page in any order is a walk of an index like flags_queue, not a sort of every flag.
CREATE INDEX flags_queue_least_confident ON flags (status, confidence, id);
CREATE INDEX flags_queue_most_confident ON flags (status, (-confidence), id);
CREATE INDEX flags_queue_newest ON flags (status, (-id));
CREATE INDEX flags_queue_document ON flags (status, document_id, COALESCE(start, -1), id);
