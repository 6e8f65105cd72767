import { z } from 'zod';
import { apiBase, asObject, expectOk, isRecord } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';

const decisions = `${apiBase}/decision-logs`;

export const listDecisions = defineTool({
  name: 'list_decisions',
  title: 'List decisions',
  description:
    'Architecture and other decisions of the workspace (or of one project), newest first. Accepted decisions are constraints: follow them.',
  input: {
    project: projectInput.optional(),
    status: z.enum(['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']).optional(),
    q: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  },
  output: { data: z.array(z.unknown()), nextCursor: z.string().nullable().optional() },
  readOnly: true,
  run: async ({ project, status, q, limit, cursor }, api) => {
    const projectId = project ? await resolveProject(api, project) : undefined;
    const body = asObject(
      await expectOk(api, 'GET', decisions, {
        query: { 'filter[project]': projectId, 'filter[status]': status, q, limit, cursor },
      }),
    );
    const rows = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    const lines = rows.map(
      (row) => `${String(row.reference)} [${String(row.status)}] ${String(row.title)} (${String(row.id)})`,
    );
    return { data: body, text: withJson(`${rows.length} decision(s):\n${lines.join('\n')}`, body) };
  },
});

export const getDecision = defineTool({
  name: 'get_decision',
  title: 'Read a decision',
  description: 'One decision: its JSON and its MADR Markdown.',
  input: { id: z.uuid().describe('The decision id') },
  output: { id: z.string(), status: z.string(), title: z.string() },
  readOnly: true,
  run: async ({ id }, api) => {
    const decision = asObject(await expectOk(api, 'GET', `${decisions}/${id}`));
    const markdown = String(await expectOk(api, 'GET', `${decisions}/${id}/export`));
    return { data: { ...decision, markdown }, text: markdown };
  },
});

export const proposeDecision = defineTool({
  name: 'propose_decision',
  title: 'Propose a decision',
  description:
    'Records a decision as proposed, for people to accept or reject. Agents may only propose. `decisionType` is one of the workspace types (architecture, technology, process, product… by default).',
  input: {
    title: z.string().min(1).max(300),
    decisionType: z.string().min(1).max(40).default('architecture'),
    project: projectInput.optional(),
    context: z.string().max(100_000).default('').describe('Context and problem statement (Markdown)'),
    decision: z.string().max(100_000).default('').describe('The decision and its justification (Markdown)'),
    consequences: z.string().max(100_000).default(''),
    tags: z.array(z.string()).max(50).default([]),
  },
  output: { id: z.string(), status: z.string(), reference: z.string() },
  run: async ({ project, ...fields }, api) => {
    const projectId = project ? await resolveProject(api, project) : undefined;
    const created = asObject(
      await expectOk(api, 'POST', decisions, { body: { ...fields, projectId, status: 'proposed' } }),
    );
    return {
      data: created,
      text: withJson(`Proposed ${String(created.reference)}: ${String(created.title)}`, created),
    };
  },
});

export const decisionTools = [listDecisions, getDecision, proposeDecision];
