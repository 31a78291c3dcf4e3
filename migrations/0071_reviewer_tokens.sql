-- Token lifecycle (issue 22): a token expires a configured lifetime after it was issued (server.tokenLifetimeDays),
-- can be revoked (revoked_at) and rotated (a new token_hash and token_issued_at). Existing tokens count as issued
-- when their reviewer was created.
ALTER TABLE reviewers ADD COLUMN token_issued_at TEXT;
ALTER TABLE reviewers ADD COLUMN revoked_at TEXT;
UPDATE reviewers SET token_issued_at = created_at;
