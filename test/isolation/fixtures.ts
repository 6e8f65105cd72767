import { expect } from 'vitest';
import type { Caller } from '../../src/test-support/app.ts';

/** One of each kind of resource in a workspace, made through the API like a user would. */
export interface Seed {
  projectId: string;
  prdId: string;
  commentId: string;
  decisionId: string;
  invitationId: string;
  tokenId: string;
  agentUserId: string;
  metadataKey: string;
}

let sequence = 0;

async function created(answer: Promise<{ status: number; body: Record<string, unknown> }>, what: string) {
  const { status, body } = await answer;
  expect(status, `seeding ${what}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

export async function seedWorkspace(owner: Caller): Promise<Seed> {
  sequence += 1;
  const project = await created(
    owner.post('/api/v1/projects', { name: 'Seed', key: `SEED${sequence}` }),
    'a project',
  );
  const projectId = String(project.id);
  const prd = await created(
    owner.post(`/api/v1/projects/${projectId}/prd-reviews`, {
      title: 'Seed PRD',
      content: '## Problem\nSeed.\n',
    }),
    'a PRD',
  );
  const prdId = String(prd.id);
  const comment = await created(
    owner.post(`/api/v1/projects/${projectId}/prd-reviews/${prdId}/comments`, { body: 'Seed comment' }),
    'a comment',
  );
  const decision = await created(
    owner.post('/api/v1/decision-logs', {
      title: 'Seed decision',
      decisionType: 'architecture',
      context: 'Seed.',
      decision: 'Seed.',
    }),
    'a decision',
  );
  const invitation = await created(
    owner.post('/api/v1/invitations', { email: `seed${sequence}@example.test`, role: 'viewer' }),
    'an invitation',
  );
  const token = await created(owner.post('/api/v1/tokens', { name: 'seed' }), 'a token');
  const agent = await created(owner.post('/api/v1/agents', { name: 'Seed agent' }), 'an agent');
  await created(owner.put(`/api/v1/entities/project/${projectId}/metadata`, { team: 'seed' }), 'metadata');
  return {
    projectId,
    prdId,
    commentId: String(comment.id),
    decisionId: String(decision.id),
    invitationId: String(invitation.id),
    tokenId: String(token.id),
    agentUserId: String((agent.user as { id: string }).id),
    metadataKey: 'team',
  };
}

/**
 * How each path parameter gets a real value: keyed by the segment before it and the parameter
 * (`prd-reviews/{id}`). A route whose parameters have no entry here fails the suite, so a route
 * added later must say how to address one of its resources — and is then checked like the rest.
 */
export const parameterFixtures: Record<string, (seed: Seed) => string> = {
  'projects/{projectId}': (seed) => seed.projectId,
  'projects/{id}': (seed) => seed.projectId,
  'prd-reviews/{id}': (seed) => seed.prdId,
  'comments/{commentId}': (seed) => seed.commentId,
  'revisions/{number}': () => '1',
  'decision-logs/{id}': (seed) => seed.decisionId,
  'invitations/{id}': (seed) => seed.invitationId,
  'tokens/{id}': (seed) => seed.tokenId,
  'members/{userId}': (seed) => seed.agentUserId,
  'entities/{type}': () => 'project',
  'aggregates/{type}': () => 'project',
  '{type}/{id}': (seed) => seed.projectId,
  'metadata/{key}': (seed) => seed.metadataKey,
  'schemas/{type}': () => 'project',
};

/**
 * Parameters that name a kind of thing rather than one workspace's resource (an entity type, a
 * revision number, a metadata key). A route addressed only by these has nothing of B's to reach.
 */
export const nonResourceParameters = new Set([
  'entities/{type}',
  'aggregates/{type}',
  'schemas/{type}',
  'revisions/{number}',
  'metadata/{key}',
]);

/** Does the path address a particular workspace's resource (an id)? */
export function addressesResource(path: string): boolean {
  const segments = path.split('/');
  return segments.some(
    (segment, index) =>
      /^\{\w+\}$/.test(segment) && !nonResourceParameters.has(`${segments[index - 1]}/${segment}`),
  );
}

/** The path with every parameter filled from the seed, or the parameters nothing resolves. */
export function resolvePath(path: string, seed: Seed): { url: string; unresolved: string[] } {
  const segments = path.split('/');
  const unresolved: string[] = [];
  const url = segments
    .map((segment, index) => {
      if (!/^\{\w+\}$/.test(segment)) return segment;
      const key = `${segments[index - 1]}/${segment}`;
      const fixture = parameterFixtures[key];
      if (!fixture) {
        unresolved.push(key);
        return segment;
      }
      return encodeURIComponent(fixture(seed));
    })
    .join('/');
  return { url, unresolved };
}
