// The saga tools as an agent uses them over Streamable HTTP: list and read sagas, signal a waiting
// one, and start a release workflow, with the API's problems as tool errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sagaApiTestModule, settleSaga, startTestSaga } from '../../src/modules/sagas/test-helpers.ts';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { type Connected, callError, callOk, connectHttp } from './support.ts';

let t: TestApp;
let agent: Caller;
let mcp: Connected;
let viewerMcp: Connected;

beforeAll(async () => {
  t = await createTestApp({ modules: [sagaApiTestModule] });
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  agent = await t.newMember(t.owner, 'agent');
  mcp = await connectHttp(url, agent);
  viewerMcp = await connectHttp(url, await t.newMember(t.owner, 'viewer'));
});
afterAll(async () => {
  await mcp?.close();
  await viewerMcp?.close();
  await t?.close();
});

describe('the saga tools', () => {
  it('lists sagas by status, reads one with its timeline, and signals a waiting one on', async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
    const saga = await startTestSaga(agent, { waitForSignal: true }, { projectId: project.body.id });
    await settleSaga(t, t.owner, saga.id, ['waiting']);

    const listed = await callOk(mcp.client, 'list_sagas', { project: 'PAY', status: ['waiting'] });
    expect(listed.data.map((each: { id: string }) => each.id)).toEqual([saga.id]);
    const result = await mcp.client.callTool({ name: 'get_saga', arguments: { id: saga.id } });
    const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
    expect(text).toMatch(/^A test release \(test.api-release\) \[waiting\] at go · waits for the signal go/);
    expect(text).toContain('- prepare #1 succeeded');

    const refused = await callError(viewerMcp.client, 'signal_saga', { id: saga.id, name: 'go' });
    expect(refused).toMatch(/403/);
    const sent = await callOk(mcp.client, 'signal_saga', { id: saga.id, name: 'go', payload: { build: 3 } });
    expect(sent.id).toBe(saga.id);
    const done = await settleSaga(t, t.owner, saga.id, ['completed']);
    expect(done.outputs.go).toMatchObject({ build: 3 });
    const late = await callError(mcp.client, 'signal_saga', { id: saga.id, name: 'go' });
    expect(late).toContain('A completed saga cannot be signalled');
  });

  it('answers a release workflow the project lacks, and an unknown saga, as tool errors', async () => {
    await t.owner.post('/api/v1/projects', { name: 'Checkout', key: 'CHK' });
    const missing = await callError(mcp.client, 'start_release_workflow', {
      project: 'CHK',
      workflow: 'no-such-flow',
    });
    expect(missing).toMatch(/404|not found/i);
    const unknown = await callError(mcp.client, 'get_saga', { id: '01900000-0000-7000-8000-000000000000' });
    expect(unknown).toMatch(/404|not found/i);
  });
});
