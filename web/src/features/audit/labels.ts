/** Words that read as capitals (PRD, not Prd). */
const acronyms: Record<string, string> = {
  prd: 'PRD',
  prds: 'PRDs',
  api: 'API',
  url: 'URL',
  qa: 'QA',
  id: 'ID',
  ids: 'IDs',
  sql: 'SQL',
  adr: 'ADR',
  mr: 'MR',
  etag: 'ETag',
};

/** Names whose words alone would read oddly. */
const fieldNames: Record<string, string> = {
  involvedQa: 'QA involved',
  impactRisk: 'Impact and risk',
  decisionOwnerId: 'Owner',
  decisionOwner: 'Owner (name)',
  userId: 'Person',
  createdBy: 'Created by',
  updatedBy: 'Updated by',
  supersededBy: 'Superseded by',
  relatedArtifacts: 'Related artifacts',
  tokenHash: 'Token fingerprint',
};

const typeNames: Record<string, string> = {
  project: 'Project',
  prd_review: 'PRD',
  decision_log: 'Decision',
  membership: 'Membership',
  invitation: 'Invitation',
  api_token: 'API token',
};

function sentenceOf(words: string[]): string {
  const text = words
    .filter(Boolean)
    .map((word) => acronyms[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A field's name in words: `dueDate` → "Due date", `projectId` → "Project", `plan_area` → "Plan area". */
export function fieldLabel(field: string): string {
  const named = fieldNames[field];
  if (named) return named;
  // An id field names what it points at: `ownerId` is the owner, `prdIds` the PRDs.
  const base = field.replace(/Ids$/, 's').replace(/(.)Id$/, '$1');
  return sentenceOf(base.split(/_|(?=[A-Z])/));
}

/** What kind of item an aggregate is, in words: `prd_review` → "PRD", `plan_feature_flags` → "Plan feature flags". */
export function typeLabel(type: string): string {
  return typeNames[type] ?? sentenceOf(type.split('_'));
}

/** What an event did, in words: `prd_review.changes_requested` → "Changes requested". */
export function eventLabel(eventType: string): string {
  const action = eventType.slice(eventType.lastIndexOf('.') + 1);
  return sentenceOf(action.split(/_|(?=[A-Z])/));
}

/** Whether a value is a UUID, the form every id in the API takes. */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
