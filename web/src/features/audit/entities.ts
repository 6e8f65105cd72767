/** The entity types the audit trail records, for choosing one. */
export const entityTypes = ['project', 'prd_review', 'decision_log', 'membership', 'invitation', 'api_token'];

/** Where an audited entity is shown in the UI, when it has a page; else its audit history. */
export function entityHref(type: string, id: string, state?: Record<string, unknown>): string {
  if (type === 'project') return `/projects/${id}`;
  if (type === 'decision_log') return `/decisions/${id}`;
  if (type === 'prd_review' && typeof state?.projectId === 'string')
    return `/projects/${state.projectId}/prds/${id}`;
  return `/audit/${type}/${id}`;
}
