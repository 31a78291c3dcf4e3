// SQL shared by the read and write sides of review.

export type Decision = 'approve' | 'reject' | 'correct';

/** SQL for the id of a flag's current verdict; `flagId` is an SQL expression (a column, or `?`). */
export const currentVerdictSql = (flagId = 'f.id'): string => `(SELECT v.id FROM verdicts v
  WHERE v.flag_id = ${flagId} AND v.action <> 'undo' AND NOT EXISTS (SELECT 1 FROM verdicts u WHERE u.undoes = v.id)
  ORDER BY v.id DESC LIMIT 1)`;
