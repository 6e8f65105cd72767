import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import {
  type Connected,
  callError,
  callOk,
  connect,
  junitReport,
  projectWithApprovedPrd,
  resourceText,
  type TransportKind,
} from './support.ts';

const toolNames = [
  'add_task_evidence',
  'claim_task',
  'complete_task',
  'evaluate_task_gates',
  'evaluate_test_gate',
  'get_decision',
  'get_delivery_metrics',
  'get_plan',
  'get_readiness',
  'get_saga',
  'get_spec',
  'get_task',
  'get_test_run',
  'heartbeat_task',
  'list_decisions',
  'list_delivery_merge_requests',
  'list_projects',
  'list_sagas',
  'list_tasks',
  'propose_decision',
  'release_task',
  'report_findings',
  'search',
  'signal_saga',
  'start_release_workflow',
  'upload_test_run',
];

describe.each<TransportKind>(['http', 'stdio'])('the MCP server over %s', (kind) => {
  let t: TestApp;
  let url: string;
  let agent: Caller;
  let viewer: Caller;
  let fixture: Awaited<ReturnType<typeof projectWithApprovedPrd>>;
  let mcp: Connected;

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    agent = await t.newMember(t.owner, 'agent');
    viewer = await t.newMember(t.owner, 'viewer');
    fixture = await projectWithApprovedPrd(t.owner, await t.newMember(t.owner, 'reviewer'));
    mcp = await connect(kind, url, agent);
  });
  afterAll(async () => {
    await mcp?.close();
    await t?.close();
  });

  it('lists every tool with its input and output schemas, the resource templates and the prompt', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(toolNames);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.description?.length).toBeGreaterThan(20);
    }
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([
      'shipshape://projects/{projectId}/decisions/{decisionId}',
      'shipshape://projects/{projectId}/plan.md',
      'shipshape://projects/{projectId}/prds/{prdId}/spec.md',
    ]);
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(['work_on_task']);
  });

  it('finds projects, reads the plan, the readiness scorecard, the approved spec, and searches', async () => {
    const projects = await callOk(mcp.client, 'list_projects', { q: fixture.key });
    expect(projects.data.map((project: { id: string }) => project.id)).toEqual([fixture.projectId]);
    const plan = await callOk(mcp.client, 'get_plan', { project: fixture.key });
    expect(plan.projectId).toBe(fixture.projectId);
    expect(plan.markdown).toContain('#');
    const readiness = await callOk(mcp.client, 'get_readiness', { project: fixture.projectId });
    expect(readiness.projectId).toBe(fixture.projectId);
    const spec = await callOk(mcp.client, 'get_spec', { project: fixture.key });
    expect(spec.prdId).toBe(fixture.prdId);
    expect(spec.spec).toContain('FR-001');
    expect(spec.requirements.map((item: { id: string }) => item.id)).toEqual(['FR-001', 'FR-002', 'SC-001']);
    const found = await callOk(mcp.client, 'search', { q: 'Refunds' });
    expect(found.total).toBeGreaterThanOrEqual(0);
  });

  it('reads decisions and proposes one; a viewer may not, and gets the 403 text as a tool error', async () => {
    const proposed = await callOk(mcp.client, 'propose_decision', {
      title: 'Refunds go through a queue',
      project: fixture.key,
      context: 'Refunds fail when the provider is down.',
    });
    expect(proposed.status).toBe('proposed');
    const listed = await callOk(mcp.client, 'list_decisions', { project: fixture.key });
    expect(listed.data.map((decision: { id: string }) => decision.id)).toContain(proposed.id);
    const read = await callOk(mcp.client, 'get_decision', { id: proposed.id });
    expect(read.markdown).toContain('Refunds go through a queue');

    const asViewer = await connect(kind, url, viewer);
    try {
      const refused = await callError(asViewer.client, 'propose_decision', { title: 'Not mine to propose' });
      expect(refused).toMatch(/^403 /);
      expect(refused).toContain('decision_log.create');
    } finally {
      await asViewer.close();
    }
  });

  it('uploads a JUnit run, waits for its import, reads it and evaluates a gate on it', async () => {
    const run = await callOk(mcp.client, 'upload_test_run', {
      project: fixture.key,
      junitXml: junitReport(true),
      branch: 'main',
    });
    expect(run).toMatchObject({ status: 'imported', totals: { total: 2, failed: 1 } });
    expect((await callOk(mcp.client, 'get_test_run', { project: fixture.key, runId: run.id })).id).toBe(
      run.id,
    );
    const gate = await callOk(mcp.client, 'evaluate_test_gate', {
      project: fixture.key,
      runId: run.id,
      gate: 'failures = 0',
    });
    expect(gate.passed).toBe(false);
    const bad = await callError(mcp.client, 'evaluate_test_gate', {
      project: fixture.key,
      runId: run.id,
      gate: 'failures ==== 0',
    });
    expect(bad).toMatch(/^422 /);
  });

  it('reads the plan, spec and decision resources by URI, and lists them', async () => {
    const base = `shipshape://projects/${fixture.projectId}`;
    const plan = await mcp.client.readResource({ uri: `${base}/plan.md` });
    expect(plan.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    const spec = await mcp.client.readResource({ uri: `${base}/prds/${fixture.prdId}/spec.md` });
    expect(resourceText(spec)).toContain('FR-002');
    const { resources } = await mcp.client.listResources();
    const uris = resources.map((resource) => resource.uri);
    expect(uris).toContain(`${base}/plan.md`);
    expect(uris).toContain(`${base}/prds/${fixture.prdId}/spec.md`);
    const decision = uris.find((uri) => uri.startsWith(`${base}/decisions/`));
    expect(decision).toBeDefined();
    const read = await mcp.client.readResource({ uri: String(decision) });
    expect(resourceText(read)).toContain('Refunds go through a queue');
    await expect(
      mcp.client.readResource({ uri: `${base}/prds/${crypto.randomUUID()}/spec.md` }),
    ).rejects.toThrow(/404/);
  });

  it("answers not found for another workspace's project, as the API does", async () => {
    const stranger = await t.newWorkspace();
    const theirs = await stranger.post('/api/v1/projects', {
      name: 'Theirs',
      key: `OTH${Date.now() % 100000}`,
    });
    const error = await callError(mcp.client, 'get_plan', { project: theirs.body.id });
    expect(error).toMatch(/^404 /);
    expect(await callError(mcp.client, 'get_plan', { project: theirs.body.key })).toMatch(/^404 /);
  });
});
