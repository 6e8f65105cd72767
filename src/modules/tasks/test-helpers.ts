import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Caller, TestApp } from '../../test-support/app.ts';
import { prdReviews } from '../prd-reviews/tables.ts';
import { tasks } from './tables.ts';

// What the task tests share: projects, tasks made through the API, and the database for the few
// things no API does at once (a claim that lapsed an hour ago, a PRD approved by its reviewers).

let sequence = 0;

export function taskKit(app: () => TestApp) {
  const db = () => app().database.db;
  return {
    async newProject(caller: Caller = app().owner): Promise<string> {
      sequence += 1;
      const project = await caller.post('/api/v1/projects', {
        name: `Tasks ${sequence}`,
        key: `TK${sequence}${Date.now() % 10000}`,
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      return project.body.id;
    },
    async newTask(projectId: string, fields: Record<string, unknown> = {}, caller: Caller = app().owner) {
      const answer = await caller.post(tasksOf(projectId), { title: `Task ${++sequence}`, ...fields });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body;
    },
    /** Moves the claim's end into the past, as if the holder had stopped sending heartbeats. */
    async lapse(taskId: string, secondsAgo = 60) {
      await db()
        .update(tasks)
        .set({ claimExpiresAt: new Date(Date.now() - secondsAgo * 1000) })
        .where(eq(tasks.id, taskId));
    },
    async approve(prdId: string) {
      await db().update(prdReviews).set({ status: 'approved' }).where(eq(prdReviews.id, prdId));
    },
  };
}

export const tasksOf = (projectId: string, rest = '') =>
  `/api/v1/projects/${projectId}/tasks${rest ? `/${rest}` : ''}`;
