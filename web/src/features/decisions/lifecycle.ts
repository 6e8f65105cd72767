/** A decision's statuses, in the order a decision goes through them. */
export const decisionStatuses = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/** The actions each status allows, as the lifecycle defines them. */
export const actionsByStatus: Record<string, string[]> = {
  draft: ['propose'],
  proposed: ['accept', 'reject'],
  accepted: ['deprecate', 'supersede'],
};

/** Each action as a button names it. */
export const actionLabels: Record<string, string> = {
  propose: 'Propose',
  accept: 'Accept',
  reject: 'Reject',
  deprecate: 'Deprecate',
  supersede: 'Supersede',
};

/** The status each action leads to. */
export const statusAfter: Record<string, string> = {
  propose: 'proposed',
  accept: 'accepted',
  reject: 'rejected',
  deprecate: 'deprecated',
  supersede: 'superseded',
};

/** Until a decision is accepted or rejected its substance may change; after, only its tags and links. */
export function bodyEditable(status: string | undefined): boolean {
  return status === undefined || status === 'draft' || status === 'proposed';
}
