/** A decision's statuses, in the order a decision goes through them. */
export const decisionStatuses = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/** The actions each status allows, as the lifecycle defines them. */
export const actionsByStatus: Record<string, string[]> = {
  draft: ['propose'],
  proposed: ['accept', 'reject'],
  accepted: ['deprecate', 'supersede'],
};

/** Until a decision is accepted or rejected its substance may change; after, only its tags and links. */
export function bodyEditable(status: string | undefined): boolean {
  return status === undefined || status === 'draft' || status === 'proposed';
}
