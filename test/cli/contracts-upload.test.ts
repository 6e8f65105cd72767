// A CI job records each version of a project's API contract with `shipshape contracts upload`: the
// server keeps the version, compares it with the previous one, and the job fails on breaking changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { parseXml } from '../../src/test-support/xml.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
let scratch: string;
let projectId: string;

interface ApiShape {
  /** POST /refunds is there unless false. */
  withRefunds?: boolean;
  idMaxLength?: number;
  /** The values of a payment's status. */
  states?: string[];
  /** The schema of GET /payments/{id}'s answer, as YAML on one line. */
  paymentSchema?: string;
}

/** The Payments API: GET /payments/{id} answering a Payment, GET /refunds, and POST /refunds. */
function paymentsApi(version: string, options: ApiShape = {}) {
  const refunds = `    post:
      responses:
        '201':
          description: refunded
`;
  return `openapi: 3.0.3
info:
  title: Payments
  version: ${version}
paths:
  /payments/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
            maxLength: ${options.idMaxLength ?? 64}
      responses:
        '200':
          description: the payment
          content:
            application/json:
              schema:
                ${options.paymentSchema ?? "$ref: '#/components/schemas/Payment'"}
  /refunds:
    get:
      responses:
        '200':
          description: the refunds
${options.withRefunds === false ? '' : refunds}components:
  schemas:
    Payment:
      ${paymentSchema(options.states)}
`;
}

/** A payment: an object with a status among the given values. */
function paymentSchema(states = ['pending', 'paid']): string {
  return `{ type: object, properties: { status: { type: string, enum: [${states.join(', ')}] } } }`;
}

function upload(file: string, version: string, ...extra: string[]) {
  return runCli(
    url,
    t.owner,
    ['contracts', 'upload', file, '--project', 'pay', '--api', 'payments', '--version', version, ...extra],
    scratch,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
  expect(project.status).toBe(201);
  projectId = project.body.id;
  const contract = await t.owner.post(
    `/api/v1/projects/${projectId}/plan/breaking-change-management/api-contracts`,
    {
      name: 'payments',
      kind: 'openapi',
      currentVersion: '0.0.0',
    },
  );
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-contracts-upload-'));
  fs.writeFileSync(path.join(scratch, 'v1.yaml'), paymentsApi('1.0.0'));
  fs.writeFileSync(path.join(scratch, 'v2.yaml'), paymentsApi('1.1.0', { idMaxLength: 128 }));
  fs.writeFileSync(
    path.join(scratch, 'v3.yaml'),
    paymentsApi('2.0.0', { withRefunds: false, idMaxLength: 128 }),
  );
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

// Each test starts the real CLI several times against the server: more time than one request needs.
describe('shipshape contracts upload', { timeout: 90_000 }, () => {
  it('records a first version, then prints each next version’s verdict against the one before', async () => {
    const first = await upload('v1.yaml', '1.0.0', '--commit', 'a1b2c3d4e5f6');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(
      'Recorded payments 1.0.0 in PAY: its first version, with nothing to compare it with.\n',
    );

    const safe = await upload('v2.yaml', '1.1.0');
    expect(safe.code, safe.stderr).toBe(0);
    expect(safe.stdout).toContain('Recorded payments 1.1.0 in PAY, compared with the previous version:');
    expect(safe.stdout).toContain('Payments 1.0.0 → 1.1.0');
    expect(safe.stdout).toMatch(/0 ERR, 0 WARN, \d+ INFO/);

    const breaking = await upload('v3.yaml', '2.0.0', '--json');
    expect(breaking.code, breaking.stderr).toBe(1);
    expect(breaking.json.diff).toMatchObject({ kind: 'openapi', summary: { ERR: 1 } });
    expect(breaking.json.diff.findings[0]).toMatchObject({
      ruleId: 'api-removed-without-deprecation',
      operation: 'POST /refunds',
    });

    const versions = await t.owner.get(`/api/v1/projects/${projectId}/contracts/payments/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.data).toHaveLength(3);
  });

  it('says so when the content is the same as the latest version', async () => {
    const again = await upload('v3.yaml', '2.0.1', '--json');
    expect(again.json.unchanged, again.stderr).toBe(true);
    const versions = await t.owner.get(`/api/v1/projects/${projectId}/contracts/payments/versions`);
    expect(versions.body.data).toHaveLength(3);
  });

  it('prints the verdict in the format asked for, failing at the level --fail-on names', async () => {
    fs.writeFileSync(path.join(scratch, 'v4.yaml'), paymentsApi('2.1.0', { idMaxLength: 128 }));
    const junit = await upload('v4.yaml', '2.1.0', '--format', 'junit', '--fail-on', 'INFO');
    expect(junit.code, junit.stderr).toBe(1);
    const suites = parseXml(junit.stdout);
    expect(suites.attributes.failures).toBe('1');
    expect(suites.children[0]?.children[0]?.attributes.name).toBe('POST /refunds');
  });

  it('fails by the project’s own setting when --fail-on is not given, naming the consumers reached', async () => {
    const settings = await t.owner.put(
      `/api/v1/projects/${projectId}/contract-settings`,
      { failOn: 'WARN' },
      { headers: { 'if-match': '"v0"' } },
    );
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const consumer = await t.owner.post(`/api/v1/projects/${projectId}/contracts/payments/consumers`, {
      name: 'checkout',
      uses: { operations: ['GET /payments/{}'] },
    });
    expect(consumer.status, JSON.stringify(consumer.body)).toBe(201);
    // A new status the API may answer: a warning, which this project fails on.
    const states = ['pending', 'paid', 'refunded'];
    fs.writeFileSync(path.join(scratch, 'v5.yaml'), paymentsApi('2.2.0', { idMaxLength: 128, states }));
    const answer = await upload('v5.yaml', '2.2.0');
    expect(answer.code, answer.stderr).toBe(1);
    expect(answer.stdout).toMatch(
      /\n {2}WARN {2}response-property-enum-value-added +response 200 property status/,
    );
    expect(answer.stdout).toContain('\nConsumers reached: checkout (1 WARN); 0 changes at ERR or WARN');
    const lenient = await upload('v5.yaml', '2.2.1', '--fail-on', 'ERR', '--json');
    expect(lenient.json.unchanged).toBe(true);
    expect(lenient.code).toBe(0);
  });

  it('sends a contract split over several files zipped, with its entry named', async () => {
    const folder = path.join(scratch, 'split');
    fs.mkdirSync(path.join(folder, 'schemas'), { recursive: true });
    const reference = "$ref: './schemas/payment.yaml'";
    fs.writeFileSync(
      path.join(folder, 'openapi.yaml'),
      paymentsApi('2.3.0', { idMaxLength: 128, paymentSchema: reference }),
    );
    fs.writeFileSync(
      path.join(folder, 'schemas/payment.yaml'),
      paymentSchema(['pending', 'paid', 'refunded']),
    );
    const answer = await upload('split', '2.3.0', '--json');
    expect(answer.json?.version, answer.stderr).toMatchObject({
      label: '2.3.0',
      files: ['openapi.yaml', 'schemas/payment.yaml'],
    });
    expect(answer.code).toBe(answer.json.verdict.outcome === 'fail' ? 1 : 0);
  });

  it('refuses an unknown project, a missing file and bad options with a one-line reason', async () => {
    const unknown = await runCli(
      url,
      t.owner,
      ['contracts', 'upload', 'v1.yaml', '--project', 'NOPE', '--api', 'payments', '--version', '9.0.0'],
      scratch,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(/^shipshape: no project with key NOPE/);
    const missing = await upload('nowhere.yaml', '9.0.0');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shipshape: no such file or folder: nowhere.yaml\n');
    const format = await upload('v1.yaml', '9.0.0', '--format', 'html');
    expect(format.code).toBe(2);
    expect(format.stderr.trim().split('\n')).toHaveLength(1);
  });
});
