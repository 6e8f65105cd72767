import type { Caller, JsonBody, TestApp } from '../../test-support/app.ts';

// SARIF logs shaped as analysers write them, uploaded as CI does.

export interface ResultSpec {
  rule: string;
  level?: 'error' | 'warning' | 'note' | 'none';
  file?: string;
  line?: number;
  /** The flagged code (region.snippet.text); without it the message is hashed. */
  code?: string;
  message?: string;
  /** partialFingerprints.primaryLocationLineHash, as CodeQL writes it. */
  lineHash?: string;
  suppressed?: boolean;
  /** The files a fix offered for the result changes. */
  fixFiles?: string[];
  securitySeverity?: string;
}

export interface RunSpec {
  tool?: string;
  version?: string;
  automationId?: string;
  results: ResultSpec[];
}

function resultOf(spec: ResultSpec, index: number) {
  return {
    ruleId: spec.rule,
    level: spec.level ?? 'warning',
    message: { text: spec.message ?? `${spec.rule} at ${spec.file ?? 'src/app.ts'}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: spec.file ?? 'src/app.ts', uriBaseId: '%SRCROOT%' },
          region: {
            startLine: spec.line ?? index + 1,
            startColumn: 3,
            ...(spec.code ? { snippet: { text: spec.code } } : {}),
          },
        },
      },
    ],
    ...(spec.lineHash ? { partialFingerprints: { primaryLocationLineHash: spec.lineHash } } : {}),
    ...(spec.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    ...(spec.fixFiles
      ? {
          fixes: [
            {
              description: { text: `Fix ${spec.rule}` },
              artifactChanges: spec.fixFiles.map((uri) => ({ artifactLocation: { uri }, replacements: [] })),
            },
          ],
        }
      : {}),
    ...(spec.securitySeverity ? { properties: { 'security-severity': spec.securitySeverity } } : {}),
  };
}

/** A SARIF 2.1.0 log with one run per spec. */
export function sarifLog(...runs: RunSpec[]) {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: runs.map((run) => ({
      tool: { driver: { name: run.tool ?? 'ESLint', version: run.version ?? '9.1.0', rules: [] } },
      ...(run.automationId ? { automationDetails: { id: run.automationId } } : {}),
      results: run.results.map(resultOf),
    })),
  };
}

export const findingsPath = (projectId: string, rest: string) => `/api/v1/projects/${projectId}/${rest}`;

/** POSTs a SARIF body (a log, or bytes as given) as CI would. */
export async function uploadSarifBody(
  t: TestApp,
  caller: Caller,
  projectId: string,
  body: unknown,
  options: { query?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: JsonBody }> {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const response = await t.app.inject({
    method: 'POST',
    url: findingsPath(projectId, 'findings/sarif'),
    query: options.query,
    headers: {
      authorization: `Bearer ${caller.token}`,
      'content-type': 'application/sarif+json',
      ...options.headers,
    },
    payload,
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}
