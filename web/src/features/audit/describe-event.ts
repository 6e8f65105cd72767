/**
 * Recent activity in words ("Bea approved Refunds v2 in Payments"): pure functions from an audit
 * event and what the screen knows about names, so the sentence can be tested without a browser.
 */

/** What describing needs of an audit event. */
export interface ActivityEvent {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  userId: string | null;
  eventData: Record<string, unknown>;
}

/** An audited entity as far as the screen knows it: its name, and its project when it has one. */
export interface KnownEntity {
  name?: string;
  projectId?: string;
}

/** Names the screen can resolve; each answers undefined for what it does not know. */
export interface Names {
  person(userId: string): string | undefined;
  entity(type: string, id: string): KnownEntity | undefined;
  project(projectId: string): string | undefined;
}

/** What happened, as a verb phrase: its object goes at `{}`, else after it. */
const verbs: Record<string, string> = {
  created: 'created',
  updated: 'edited',
  deleted: 'deleted',
  changed: 'changed',
  submitted: 'submitted {} for review',
  approved: 'approved',
  approval_added: 'approved',
  changes_requested: 'requested changes to',
  withdrawn: 'withdrew',
  superseded: 'superseded',
  supersedes: 'superseded an older decision with',
  archived: 'archived',
  review_requested: 'asked for a review of',
  comment_added: 'commented on',
  comment_resolved: 'resolved a comment on',
  comment_reopened: 'reopened a comment on',
  proposed: 'proposed',
  accepted: 'accepted',
  rejected: 'rejected',
  deprecated: 'deprecated',
  noted: 'added a note to',
  revoked: 'revoked',
  role_changed: 'changed the role of',
  removed: 'removed',
  rebuilt: 'rebuilt',
  backed_up: 'backed up',
  pact_uploaded: 'uploaded a pact to',
  reviewed: 'reviewed',
};

/** What an entity type is called in a sentence. */
const nouns: Record<string, string> = {
  project: 'project',
  prd_review: 'PRD',
  decision_log: 'decision',
  membership: 'member',
  invitation: 'invitation',
  api_token: 'token',
  token: 'token',
  agent: 'agent',
  readiness_waiver: 'waiver',
  readiness_disabled_check: 'disabled check',
  migration_lint_run: 'migration check',
  metadata_schema: 'custom fields',
  entity_metadata: 'custom field values',
  prd_review_settings: 'PRD review rules',
  decision_log_settings: 'decision settings',
  search_settings: 'search settings',
  search_index: 'search index',
  audit_retention_policy: 'audit retention',
  workspace: 'workspace',
  instance: 'instance',
};

/** Event types whose object is the acting person themselves. */
const selfEvents: Record<string, string> = {
  'session.signed_in': 'signed in',
  'session.signed_out': 'signed out',
  'session.signed_out_everywhere': 'signed out everywhere',
  'session.sign_in_failed': 'failed to sign in',
  'invitation.accepted': 'joined the workspace',
};

/** Aggregate types only administrators may follow, unless the viewer did it themselves. */
const administrative = new Set([
  'invitation',
  'api_token',
  'token',
  'agent',
  'session',
  'instance',
  'search_index',
]);

/** Whether a member with `role` may see this event in the activity (the API scopes by workspace). */
export function mayRead(event: ActivityEvent, viewer: { userId: string; role: string }): boolean {
  if (viewer.role === 'owner' || viewer.role === 'admin') return true;
  if (!administrative.has(event.aggregateType)) return true;
  return event.userId !== null && event.userId === viewer.userId;
}

/**
 * Whether an event belongs in the recent activity: what the viewer may read, without sign-ins and
 * sign-outs, which say nothing about the work (the audit screen still lists them).
 */
export function shownInActivity(event: ActivityEvent, viewer: { userId: string; role: string }): boolean {
  return event.aggregateType !== 'session' && mayRead(event, viewer);
}

/** `prd_review.changes_requested` → `changes_requested`. */
function happened(eventType: string): string {
  const dot = eventType.indexOf('.');
  return dot < 0 ? eventType : eventType.slice(dot + 1);
}

function words(key: string): string {
  return key.replace(/_/g, ' ');
}

/** A value the event recorded for `field` (after the change, else before). */
export function changedValue(event: ActivityEvent, field: string): unknown {
  const changes = event.eventData.changes;
  if (!changes || typeof changes !== 'object') return undefined;
  const change: unknown = Reflect.get(changes, field);
  if (!change || typeof change !== 'object') return undefined;
  return Reflect.get(change, 'after') ?? Reflect.get(change, 'before');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The entity's name and project, from what the screen knows or what the event itself recorded. */
function entityOf(event: ActivityEvent, names: Names): KnownEntity {
  const known = names.entity(event.aggregateType, event.aggregateId) ?? {};
  const recorded =
    text(changedValue(event, 'title')) ??
    text(changedValue(event, 'name')) ??
    text(changedValue(event, 'email'));
  const person = ['membership', 'agent'].includes(event.aggregateType)
    ? names.person(event.aggregateId)
    : undefined;
  const projectId = known.projectId ?? text(changedValue(event, 'projectId'));
  return { name: known.name ?? recorded ?? person, projectId };
}

/** The object of the sentence: "Refunds v2", "the project Payments", "a PRD", "the search settings". */
function objectOf(type: string, entity: KnownEntity): string {
  const noun = nouns[type] ?? words(type);
  if (type.endsWith('_settings') || type.endsWith('_policy') || type === 'search_index') return `the ${noun}`;
  if (!entity.name) return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
  if (type === 'project') return `the project ${entity.name}`;
  return entity.name;
}

/** One sentence for an event, e.g. "Bea approved Refunds v2 in Payments". */
export function describeEvent(event: ActivityEvent, names: Names): string {
  const actor = event.userId ? (names.person(event.userId) ?? 'Someone') : 'Shipshape';
  const self = selfEvents[event.eventType];
  if (self) return `${actor} ${self}`;
  const what = happened(event.eventType);
  const entity = entityOf(event, names);
  const verb = verbs[what] ?? words(what);
  const project =
    entity.projectId && event.aggregateType !== 'project' ? names.project(entity.projectId) : undefined;
  const role = what === 'role_changed' ? text(changedValue(event, 'role')) : undefined;
  const object = objectOf(event.aggregateType, entity);
  return [
    actor,
    verb.includes('{}') ? verb.replace('{}', object) : `${verb} ${object}`,
    role ? `to ${role}` : '',
    project ? `in ${project}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
