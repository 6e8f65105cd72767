import { expect } from 'vitest';
import type { Caller } from '../../test-support/app.ts';

let keySequence = 0;

/** A new project of the caller's workspace; returns its id. */
export async function createProject(caller: Caller): Promise<string> {
  keySequence += 1;
  const answer = await caller.post('/api/v1/projects', {
    name: 'Payments',
    key: `PRD${keySequence}${Date.now() % 100000}`,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

export const goodPrd = `## Problem
Refunds take three days to reach customers.

## Goals
- Refund within one hour.

## Non-goals
- Partial refunds.

## Requirements
- Refunds are sent to the provider within 5 minutes of approval. Acceptance: p95 under 5 minutes in staging.
- A refund shows its status to the customer. Acceptance: the order page shows pending, sent or failed.

## Success metrics
- 95% of refunds reach customers within one hour.

## Open questions
- None.
`;

/** Small helpers that read like use: `prds(caller, projectId).create(...)`. */
export function prds(caller: Caller, projectId: string) {
  const base = `/api/v1/projects/${projectId}/prd-reviews`;
  return {
    base,
    async create(fields: Record<string, unknown> = {}, expectedStatus = 201) {
      const answer = await caller.post(base, { title: 'Refunds v2', content: goodPrd, ...fields });
      expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
      return answer.body;
    },
    get: (id: string) => caller.get(`${base}/${id}`),
    edit: (id: string, fields: Record<string, unknown>) => caller.patch(`${base}/${id}`, fields),
    act: (id: string, action: string, body: Record<string, unknown> = {}) =>
      caller.post(`${base}/${id}/${action}`, body),
    async expectAct(id: string, action: string, body: Record<string, unknown> = {}, expectedStatus = 200) {
      const answer = await caller.post(`${base}/${id}/${action}`, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
      return answer.body;
    },
    request: (id: string, reviewers: string[]) => caller.post(`${base}/${id}/review-requests`, { reviewers }),
    list: (query: Record<string, string> = {}) => caller.get(base, { query }),
    sub: (id: string, path: string, query?: Record<string, string>) =>
      caller.get(`${base}/${id}/${path}`, { query }),
  };
}
