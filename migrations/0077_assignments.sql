-- Audits assigned to reviewers (issue 19): one reviewer per audit at most; unassigned audits are anyone's.
CREATE TABLE audit_assignments (
  audit_id     INTEGER PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  reviewer_id  INTEGER NOT NULL REFERENCES reviewers (id),
  assigned_by  INTEGER NOT NULL REFERENCES reviewers (id),
  assigned_at  TEXT NOT NULL
);
CREATE INDEX audit_assignments_reviewer ON audit_assignments (reviewer_id);
