import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type Resource } from '@modelcontextprotocol/sdk/types.js';
import { ApiProblem, apiBase, asObject, expectOk, isRecord, projectPath, type ShipshapeApi } from './api.ts';

const listLimit = 50;

/** Reads through the API; a problem becomes a protocol error (resources have no error results). */
async function readOrThrow<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiProblem) {
      const code = error.problem.status === 404 ? -32002 : ErrorCode.InvalidRequest;
      throw new McpError(code, error.message, error.problem);
    }
    throw error;
  }
}

async function rows(
  api: ShipshapeApi,
  path: string,
  query: Record<string, string | number>,
): Promise<Record<string, unknown>[]> {
  const body = asObject(await expectOk(api, 'GET', path, { query: { limit: listLimit, ...query } }));
  return Array.isArray(body.data) ? body.data.filter(isRecord) : [];
}

const markdown = (uri: URL, text: unknown) => ({
  contents: [{ uri: uri.href, mimeType: 'text/markdown', text: String(text) }],
});

const one = (variables: Record<string, string | string[]>, name: string) => {
  const value = variables[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** The plan Markdown, approved PRD specs and decisions, by shipshape:// URI, listed and read. */
export function registerResources(server: McpServer, api: ShipshapeApi): void {
  server.registerResource(
    'plan',
    new ResourceTemplate('shipshape://projects/{projectId}/plan.md', {
      list: async () => ({
        resources: (await readOrThrow(() => rows(api, `${apiBase}/projects`, {}))).map(
          (project): Resource => ({
            uri: `shipshape://projects/${String(project.id)}/plan.md`,
            name: `${String(project.key)} plan`,
            mimeType: 'text/markdown',
          }),
        ),
      }),
    }),
    {
      title: "A project's plan",
      description: 'Gaps first, then PRDs, decisions and every area',
      mimeType: 'text/markdown',
    },
    (uri, variables) =>
      readOrThrow(async () =>
        markdown(
          uri,
          await expectOk(api, 'GET', `${projectPath(one(variables, 'projectId'))}/plan`, {
            query: { format: 'md' },
          }),
        ),
      ),
  );
  server.registerResource(
    'spec',
    new ResourceTemplate('shipshape://projects/{projectId}/prds/{prdId}/spec.md', {
      list: () => listSpecs(api),
    }),
    {
      title: 'A PRD as spec.md',
      description: 'Approved PRDs as specs: FR-xxx requirements and SC-xxx criteria',
      mimeType: 'text/markdown',
    },
    (uri, variables) =>
      readOrThrow(async () =>
        markdown(
          uri,
          await expectOk(
            api,
            'GET',
            `${projectPath(one(variables, 'projectId'))}/prd-reviews/${one(variables, 'prdId')}/export`,
            {
              query: { format: 'spec' },
            },
          ),
        ),
      ),
  );
  server.registerResource(
    'decision',
    new ResourceTemplate('shipshape://projects/{projectId}/decisions/{decisionId}', {
      list: () => listDecisions(api),
    }),
    {
      title: 'A decision',
      description: 'A decision of a project, as MADR Markdown',
      mimeType: 'text/markdown',
    },
    (uri, variables) =>
      readOrThrow(() => readDecision(api, uri, one(variables, 'projectId'), one(variables, 'decisionId'))),
  );
}

async function listSpecs(api: ShipshapeApi): Promise<{ resources: Resource[] }> {
  return readOrThrow(async () => {
    const projects = await rows(api, `${apiBase}/projects`, {});
    const perProject = await Promise.all(
      projects.map(async (project) =>
        (
          await rows(api, `${projectPath(String(project.id))}/prd-reviews`, { 'filter[status]': 'approved' })
        ).map(
          (prd): Resource => ({
            uri: `shipshape://projects/${String(project.id)}/prds/${String(prd.id)}/spec.md`,
            name: `${String(project.key)}: ${String(prd.title)}`,
            mimeType: 'text/markdown',
          }),
        ),
      ),
    );
    return { resources: perProject.flat() };
  });
}

async function listDecisions(api: ShipshapeApi): Promise<{ resources: Resource[] }> {
  return readOrThrow(async () => ({
    resources: (await rows(api, `${apiBase}/decision-logs`, { 'filter[project][isNull]': 'false' })).map(
      (decision): Resource => ({
        uri: `shipshape://projects/${String(decision.projectId)}/decisions/${String(decision.id)}`,
        name: `${String(decision.reference)} ${String(decision.title)} [${String(decision.status)}]`,
        mimeType: 'text/markdown',
      }),
    ),
  }));
}

async function readDecision(api: ShipshapeApi, uri: URL, projectId: string, decisionId: string) {
  const decision = asObject(
    await expectOk(api, 'GET', `${apiBase}/decision-logs/${encodeURIComponent(decisionId)}`),
  );
  if (decision.projectId !== projectId)
    throw new ApiProblem({
      status: 404,
      title: 'Not found',
      detail: `No decision ${decisionId} in project ${projectId}.`,
    });
  return markdown(uri, await expectOk(api, 'GET', `${apiBase}/decision-logs/${decisionId}/export`));
}
