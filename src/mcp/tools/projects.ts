import { z } from 'zod';
import { ApiProblem, apiBase, asObject, expectOk, isRecord, projectPath, type ShipshapeApi } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';

const page = { data: z.array(z.unknown()), nextCursor: z.string().nullable().optional() };

export const listProjects = defineTool({
  name: 'list_projects',
  title: 'List or find projects',
  description:
    'The projects of your workspace, newest first. `q` searches names, keys and descriptions. Start here: every other tool takes a project id or key.',
  input: {
    q: z.string().max(200).optional().describe('Words in the name, key or description'),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional().describe('nextCursor of the previous page'),
  },
  output: page,
  readOnly: true,
  run: async ({ q, limit, cursor }, api) => {
    const body = asObject(await expectOk(api, 'GET', `${apiBase}/projects`, { query: { q, limit, cursor } }));
    const rows = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    const lines = rows.map((row) => `${String(row.key)}  ${String(row.name)}  (${String(row.id)})`);
    return { data: body, text: withJson(`${rows.length} project(s):\n${lines.join('\n')}`, body) };
  },
});

export const getPlan = defineTool({
  name: 'get_plan',
  title: "Read a project's plan",
  description:
    "The project's plan as Markdown: readiness gaps first, then approved PRDs and accepted decisions, then each area with its rules and planned rows. Read it before changing anything.",
  input: { project: projectInput },
  output: { projectId: z.string(), markdown: z.string() },
  readOnly: true,
  run: async ({ project }, api) => {
    const projectId = await resolveProject(api, project);
    const markdown = String(
      await expectOk(api, 'GET', `${projectPath(projectId)}/plan`, { query: { format: 'md' } }),
    );
    return { data: { projectId, markdown }, text: markdown };
  },
});

export const getReadiness = defineTool({
  name: 'get_readiness',
  title: 'Readiness scorecard',
  description: "The project's readiness scorecard: its level, and each area's passing and failing checks.",
  input: { project: projectInput },
  output: { projectId: z.string(), level: z.string(), passing: z.number(), failing: z.number() },
  readOnly: true,
  run: async ({ project }, api) => {
    const projectId = await resolveProject(api, project);
    const card = asObject(await expectOk(api, 'GET', `${projectPath(projectId)}/readiness`));
    const failing = (Array.isArray(card.areas) ? card.areas.filter(isRecord) : []).flatMap((area) =>
      (Array.isArray(area.failing) ? area.failing.filter(isRecord) : []).map(
        (check) => `- ${String(check.id)} (${String(area.slug)}): ${String(check.message || check.title)}`,
      ),
    );
    const summary = `Level ${String(card.level)}: ${String(card.passing)} passing, ${String(card.failing)} failing.`;
    return { data: card, text: `${summary}\n${failing.join('\n')}` };
  },
});

const requirementLine = /^- \*\*((?:FR|SC)-\d+)\*\*: (.*)$/;

/** The numbered requirements (FR-001…) and success criteria (SC-001…) of a spec.md. */
export function requirementsOf(spec: string): { id: string; text: string }[] {
  return spec.split('\n').flatMap((line) => {
    const match = requirementLine.exec(line);
    return match?.[1] ? [{ id: match[1], text: match[2] ?? '' }] : [];
  });
}

export const getSpec = defineTool({
  name: 'get_spec',
  title: 'Read an approved spec',
  description:
    "A PRD as spec.md (user stories, FR-xxx requirements, SC-xxx success criteria, open clarifications) plus its requirements as a list. Without `prdId`, the project's most recently approved PRD.",
  input: {
    project: projectInput,
    prdId: z.uuid().optional().describe('The PRD; default the newest approved one'),
  },
  output: { projectId: z.string(), prdId: z.string(), spec: z.string(), requirements: z.array(z.unknown()) },
  readOnly: true,
  run: async ({ project, prdId }, api) => {
    const projectId = await resolveProject(api, project);
    const id = prdId ?? (await newestApprovedPrd(api, projectId));
    const spec = String(
      await expectOk(api, 'GET', `${projectPath(projectId)}/prd-reviews/${id}/export`, {
        query: { format: 'spec' },
      }),
    );
    return { data: { projectId, prdId: id, spec, requirements: requirementsOf(spec) }, text: spec };
  },
});

async function newestApprovedPrd(api: ShipshapeApi, projectId: string): Promise<string> {
  const body = asObject(
    await expectOk(api, 'GET', `${projectPath(projectId)}/prd-reviews`, {
      query: { 'filter[status]': 'approved', sort: '-updatedAt', limit: 1 },
    }),
  );
  const first = Array.isArray(body.data) ? body.data[0] : undefined;
  if (isRecord(first) && typeof first.id === 'string') return first.id;
  throw new ApiProblem({ status: 404, title: 'Not found', detail: 'This project has no approved PRD.' });
}

export const search = defineTool({
  name: 'search',
  title: 'Search the workspace',
  description:
    'Full-text search over PRDs, decisions, plan rows and more: words, "phrases", OR, -excluded. Filter by type, project, status or tag.',
  input: {
    q: z.string().min(1).max(500),
    type: z.string().max(500).optional().describe('Comma-separated types, e.g. decision_log,prd_review'),
    project: projectInput.optional(),
    status: z.string().max(100).optional(),
    tag: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  },
  output: { ...page, total: z.number() },
  readOnly: true,
  run: async ({ project, ...query }, api) => {
    const projectId = project ? await resolveProject(api, project) : undefined;
    const body = asObject(
      await expectOk(api, 'GET', `${apiBase}/search`, { query: { ...query, project: projectId } }),
    );
    const hits = (Array.isArray(body.data) ? body.data.filter(isRecord) : []).map(
      (hit) => `- [${String(hit.type)}] ${String(hit.title)} — ${String(hit.path)}`,
    );
    return { data: body, text: withJson(`${String(body.total)} match(es):\n${hits.join('\n')}`, body) };
  },
});

export const projectTools = [listProjects, getPlan, getReadiness, getSpec, search];
