/**
 * The one seam between the MCP server and Shipshape: its REST API. Over stdio the calls go out with
 * fetch; over Streamable HTTP they are injected into the running server with the caller's token.
 * Either way roles, workspaces and problems are exactly the API's.
 */
export interface ApiRequest {
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is (XML, an archive, SARIF), with its media type. */
  raw?: { contentType: string; data: Buffer | string };
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: unknown;
  contentType: string;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ShipshapeApi {
  call(method: ApiMethod, path: string, request?: ApiRequest): Promise<ApiAnswer>;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  [field: string]: unknown;
}

/** A problem the API answered: becomes a tool error carrying the same text. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problemText(problem));
  }
}

/** How a problem reads to an agent: status, title, detail and each field error. */
export function problemText(problem: Problem): string {
  const lines = [
    `${problem.status} ${problem.title ?? 'Request failed'}${problem.detail ? `: ${problem.detail}` : ''}`,
  ];
  for (const error of problem.errors ?? []) lines.push(`- ${error.path}: ${error.message}`);
  const conditions = problem.conditions;
  if (Array.isArray(conditions))
    for (const condition of conditions) lines.push(`- ${describeCondition(condition)}`);
  return lines.join('\n');
}

function describeCondition(condition: unknown): string {
  if (!isRecord(condition)) return String(condition);
  const mark = condition.passed === true ? 'passed' : 'FAILED';
  const gate = typeof condition.gateName === 'string' ? ` [${condition.gateName}]` : '';
  return `${mark} ${String(condition.kind ?? 'condition')}${gate}: ${String(condition.message ?? '')}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls the API and answers the body of a 2xx; any other answer throws its problem. */
export async function expectOk(
  api: ShipshapeApi,
  method: ApiMethod,
  path: string,
  request: ApiRequest = {},
): Promise<unknown> {
  const answer = await api.call(method, path, request);
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const body = isRecord(answer.body) ? answer.body : { detail: String(answer.body) };
  throw new ApiProblem({ ...body, status: answer.status });
}

/** The body as an object (structured content must be one). */
export function asObject(body: unknown): Record<string, unknown> {
  return isRecord(body) ? body : { value: body };
}

export const apiBase = '/api/v1';
export const projectPath = (projectId: string) => `${apiBase}/projects/${encodeURIComponent(projectId)}`;
