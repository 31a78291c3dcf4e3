import type { z } from 'zod';
import { AuditListQuery, DocumentListQuery, ErrorBody, IdParam, NoQuery } from './params.js';
import {
  FilterQuery,
  FlagDetail,
  FlagPage,
  QueueQuery,
  VerdictBody,
  VerdictConflict,
  VerdictCreated,
} from './flags.js';
import {
  AssigneeBody,
  Assigned,
  AuditList,
  AuditView,
  DocumentDetail,
  DocumentList,
  RoleChange,
  RolesBody,
} from './audits.js';
import { BulkBody, BulkCounts, BulkCreated, BulkFlagQuery, Progress, ReviewStats, UndoLast } from './review.js';
import { BatchCreated, ExportQuery, Health, LatestBatch, Me, ReviewerBody, ReviewerCreated } from './admin.js';

// Every route of the HTTP API: what it takes and what it answers, by status. Any status not listed answers
// ErrorBody. test/contract/ checks that this table and the server's routes are the same list, and that real
// answers parse with these schemas.

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Express path syntax, as the server mounts it */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** JSON body, or 'jsonl' for a body of InputRecord lines */
  body?: z.ZodType | 'jsonl';
  /** status → body schema; null: no JSON body (204, or a file) */
  responses: Record<number, z.ZodType | null>;
}

export const ROUTES = [
  { method: 'GET', path: '/api/health', responses: { 200: Health } },
  { method: 'GET', path: '/api/me', responses: { 200: Me } },
  { method: 'GET', path: '/api/audits', query: AuditListQuery, responses: { 200: AuditList } },
  { method: 'GET', path: '/api/audits/:id', params: IdParam, query: NoQuery, responses: { 200: AuditView } },
  { method: 'DELETE', path: '/api/audits/:id', params: IdParam, responses: { 204: null } },
  { method: 'GET', path: '/api/audits/:id/export', params: IdParam, query: ExportQuery, responses: { 200: null } },
  { method: 'POST', path: '/api/audits/:id/roles', params: IdParam, body: RolesBody, responses: { 200: RoleChange } },
  {
    method: 'POST',
    path: '/api/audits/:id/assignee',
    params: IdParam,
    body: AssigneeBody,
    responses: { 200: Assigned },
  },
  { method: 'GET', path: '/api/documents', query: DocumentListQuery, responses: { 200: DocumentList } },
  { method: 'GET', path: '/api/documents/:id', params: IdParam, query: NoQuery, responses: { 200: DocumentDetail } },
  { method: 'GET', path: '/api/flags', query: QueueQuery, responses: { 200: FlagPage } },
  { method: 'GET', path: '/api/flags/:id', params: IdParam, query: NoQuery, responses: { 200: FlagDetail } },
  {
    method: 'POST',
    path: '/api/flags/:id/verdicts',
    params: IdParam,
    body: VerdictBody,
    responses: { 201: VerdictCreated, 409: VerdictConflict },
  },
  { method: 'POST', path: '/api/verdicts/undo-last', query: NoQuery, responses: { 200: UndoLast } },
  { method: 'GET', path: '/api/verdicts/bulk', query: BulkFlagQuery, responses: { 200: BulkCounts } },
  { method: 'POST', path: '/api/verdicts/bulk', body: BulkBody, responses: { 201: BulkCreated } },
  { method: 'GET', path: '/api/stats', query: FilterQuery, responses: { 200: ReviewStats } },
  { method: 'GET', path: '/api/progress', query: NoQuery, responses: { 200: Progress } },
  { method: 'POST', path: '/api/reviewers', body: ReviewerBody, responses: { 201: ReviewerCreated } },
  { method: 'POST', path: '/api/batches', body: 'jsonl', responses: { 201: BatchCreated } },
  { method: 'GET', path: '/api/batches/latest', query: NoQuery, responses: { 200: LatestBatch } },
] as const satisfies readonly Route[];

/** The schema an answer of `status` on `route` must parse with (ErrorBody for an unlisted status). */
export function responseSchema(route: Route, status: number): z.ZodType | null {
  return Object.hasOwn(route.responses, status) ? (route.responses[status] ?? null) : ErrorBody;
}

/** The route of the table a request names (method and a concrete path such as /api/flags/12/verdicts). */
export function routeOf(method: string, path: string): Route | undefined {
  const bare = path.split('?')[0]!;
  return ROUTES.find((r) => r.method === method && new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(bare));
}
