import type { TaskSourceKind, TaskStatus } from './types.ts';

/** The board's columns, left to right: blocked and cancelled share the last one. */
export const boardColumns: readonly { id: string; title: string; statuses: readonly TaskStatus[] }[] = [
  { id: 'open', title: 'Open', statuses: ['open'] },
  { id: 'claimed', title: 'Claimed', statuses: ['claimed'] },
  { id: 'in_review', title: 'In review', statuses: ['in_review'] },
  { id: 'done', title: 'Done', statuses: ['done'] },
  { id: 'stopped', title: 'Blocked or cancelled', statuses: ['blocked', 'cancelled'] },
];

export const statusLabels: Record<TaskStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  in_review: 'In review',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

export const sourceLabels: Record<TaskSourceKind, string> = {
  requirement: 'Requirement',
  check: 'Readiness check',
  finding: 'Finding',
  manual: 'By hand',
};

/** The non-gated moves a task may make from where it stands (the server decides; 409 names the rest). */
export function transitionsFrom(status: TaskStatus): ('open' | 'blocked' | 'cancelled')[] {
  if (status === 'cancelled') return ['open'];
  if (status === 'blocked') return ['open', 'cancelled'];
  if (status === 'done') return [];
  return status === 'open' ? ['blocked', 'cancelled'] : ['open', 'blocked', 'cancelled'];
}

export const transitionLabels = { open: 'Reopen', blocked: 'Block', cancelled: 'Cancel task' } as const;

/** Whether a claim's lease has run out (the job returns it to open within a minute). */
export function hasLapsed(until: string | null, now = Date.now()): boolean {
  return until !== null && Date.parse(until) <= now;
}
