// "Done when": an agent with only a token, through MCP alone, finds its project, reads the plan and
// the approved spec, claims a task, reports findings and a failing run, is refused completion with
// the failed conditions, fixes both, passes its gates and completes the task.
import fs from 'node:fs';
import type { CallToolResult, GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import {
  type Connected,
  callError,
  callOk,
  connect,
  junitReport,
  projectWithApprovedPrd,
  type TransportKind,
} from './support.ts';

const sarifLog = (results: { ruleId: string; level: string; text: string; file: string }[]) => ({
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: { driver: { name: 'ESLint', version: '9.0.0', rules: [{ id: 'no-eval' }] } },
      results: results.map((result) => ({
        ruleId: result.ruleId,
        level: result.level,
        message: { text: result.text },
        locations: [
          { physicalLocation: { artifactLocation: { uri: result.file }, region: { startLine: 12 } } },
        ],
      })),
    },
  ],
});

const evalFinding = {
  ruleId: 'no-eval',
  level: 'error',
  text: 'eval() runs whatever it is given',
  file: 'src/refunds.ts',
};

describe.each<TransportKind>(['http', 'stdio'])('an agent working a task through MCP over %s', (kind) => {
  let t: TestApp;
  let url: string;
  let agent: Caller;
  let key: string;
  let mcp: Connected;

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    agent = await t.newMember(t.owner, 'agent');
    // What people set up: a project, an approved PRD, two blocking gates, tasks from the PRD.
    const fixture = await projectWithApprovedPrd(t.owner, await t.newMember(t.owner, 'reviewer'));
    key = fixture.key;
    const gates = `/api/v1/projects/${fixture.projectId}/plan/code-review-automation/quality-gates`;
    for (const gate of [
      { name: 'tests pass', threshold: 'failures = 0' },
      { name: 'no major findings', blockingSeverity: 'major' },
    ]) {
      const created = await t.owner.post(gates, {
        stage: 'pre-merge',
        command: 'npm run check',
        blocking: true,
        ...gate,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const generated = await t.owner.post(`/api/v1/projects/${fixture.projectId}/tasks/generate`, {
      prdId: fixture.prdId,
    });
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    mcp = await connect(kind, url, agent);
  });
  afterAll(async () => {
    await mcp?.close();
    await t?.close();
    if (process.env.MCP_TRANSCRIPT && kind === 'http')
      fs.writeFileSync(process.env.MCP_TRANSCRIPT, transcript.join('\n'));
  });

  // MCP_TRANSCRIPT=file writes each call of the flow and the start of its answer (docs/agents.md).
  const transcript: string[] = [];
  const record = (client: Connected['client']) => {
    const call = client.callTool.bind(client);
    client.callTool = async (params, ...rest) => {
      const result = (await call(params, ...rest)) as CallToolResult;
      const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
      const lines = text.split('\n');
      const shown = lines.slice(0, 8).join('\n') + (lines.length > 8 ? '\n…' : '');
      transcript.push(
        `→ ${params.name} ${JSON.stringify(params.arguments)}\n${result.isError ? '(isError) ' : ''}${shown}\n`,
      );
      return result;
    };
  };

  it('fails its gate, fixes, passes it and completes', async () => {
    const { client } = mcp;
    if (process.env.MCP_TRANSCRIPT) record(client);
    const [project] = (await callOk(client, 'list_projects', { q: key })).data;
    expect(project.key).toBe(key);
    expect((await callOk(client, 'get_plan', { project: project.id })).markdown.length).toBeGreaterThan(0);
    const spec = await callOk(client, 'get_spec', { project: project.id });
    expect(spec.requirements[0]).toMatchObject({ id: 'FR-001' });

    const open = await callOk(client, 'list_tasks', { project: project.id, status: 'open' });
    expect(open.data.length).toBe(2);
    const task = await callOk(client, 'claim_task', { project: project.id, next: true, leaseSeconds: 600 });
    expect(task).toMatchObject({ status: 'claimed', assignee: { id: agent.userId } });
    expect(task.gateIds).toHaveLength(2);
    const prompt: GetPromptResult = await client.getPrompt({
      name: 'work_on_task',
      arguments: { project: project.id, taskId: task.id },
    });
    const handed = prompt.messages[0]?.content;
    expect(handed?.type === 'text' ? handed.text : '').toMatch(/tests pass[\s\S]*FR-001/);

    const findings = await callOk(client, 'report_findings', {
      project: project.id,
      sarif: sarifLog([evalFinding]),
      commit: 'a1b2c3d',
      taskId: task.id,
    });
    expect(findings.data[0].counts).toMatchObject({ results: 1, opened: 1 });
    const failing = await callOk(client, 'upload_test_run', {
      project: project.id,
      junitXml: junitReport(true),
      commit: 'a1b2c3d',
      taskId: task.id,
    });
    expect(failing).toMatchObject({ status: 'imported', totals: { failed: 1 } });

    const refused = await callError(client, 'complete_task', { project: project.id, id: task.id });
    expect(refused).toMatch(/^409 /);
    expect(refused).toMatch(/FAILED tests \[tests pass\]/);
    expect(refused).toMatch(/FAILED findings \[no major findings\]/);

    const clean = await callOk(client, 'report_findings', {
      project: project.id,
      sarif: JSON.stringify(sarifLog([])),
      commit: 'e4f5a6b',
      taskId: task.id,
    });
    expect(clean.data[0].counts).toMatchObject({ results: 0, closed: 1 });
    await callOk(client, 'upload_test_run', {
      project: project.id,
      junitXml: junitReport(false),
      commit: 'e4f5a6b',
      taskId: task.id,
    });
    await callOk(client, 'add_task_evidence', { project: project.id, id: task.id, commits: ['e4f5a6b'] });
    expect(await callOk(client, 'evaluate_task_gates', { project: project.id, id: task.id })).toMatchObject({
      passed: true,
    });
    const done = await callOk(client, 'complete_task', { project: project.id, id: task.id });
    expect(done).toMatchObject({ id: task.id, status: 'done' });
    expect(done.evidence.testRunIds).toHaveLength(2);
  });

  it('heartbeats, releases, and cannot claim what another holds', async () => {
    const { client } = mcp;
    const [project] = (await callOk(client, 'list_projects', { q: key })).data;
    const [next] = (await callOk(client, 'list_tasks', { project: key, status: 'open' })).data;
    const claimed = await callOk(client, 'claim_task', { project: key, id: next.id });
    expect(
      (await callOk(client, 'heartbeat_task', { project: key, id: next.id, leaseSeconds: 120 })).id,
    ).toBe(claimed.id);
    expect((await callOk(client, 'get_task', { project: key, id: next.id })).status).toBe('claimed');
    const other = await connect('http', url, await t.newMember(t.owner, 'agent'));
    try {
      expect(await callError(other.client, 'claim_task', { project: project.id, id: next.id })).toMatch(
        /^409 /,
      );
    } finally {
      await other.close();
    }
    expect((await callOk(client, 'release_task', { project: key, id: next.id })).status).toBe('open');
    expect(await callError(client, 'claim_task', { project: key })).toMatch(/next: true/);
  });
});
