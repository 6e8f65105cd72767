import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseXml } from '../../../test-support/xml.ts';
import { diffOpenApi } from '../diff.ts';
import { rules } from '../rules/index.ts';
import type { DiffResult, Finding, OpenApiDocument } from '../types.ts';
import { runFails, summarise } from './common.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { createLocator } from './locate.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

const baseYaml = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewPet'
      responses:
        '201':
          description: created
  /pets/{id}:
    delete:
      responses:
        '204':
          description: gone
components:
  schemas:
    NewPet:
      type: object
      properties:
        name:
          type: string
          maxLength: 40
`;
// The revision removes DELETE /pets/{id}, adds GET /owners and shortens the name a client may send.
const revisionYaml = `openapi: 3.0.3
info:
  title: Pets
  version: 2.0.0
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewPet'
      responses:
        '201':
          description: created
  /owners:
    get:
      responses:
        '200':
          description: owners
components:
  schemas:
    NewPet:
      type: object
      properties:
        name:
          type: string
          maxLength: 20
`;
const real = diffOpenApi(parseYaml(baseYaml) as OpenApiDocument, parseYaml(revisionYaml) as OpenApiDocument);

/** The real diff's most serious finding on an operation. */
function realFinding(operation: string): Finding {
  const found = real.findings.find((item) => item.operation === operation);
  if (!found) throw new Error(`no finding on ${operation}`);
  return found;
}

const nasty = `a < b & "c" | 'd' ]]> \u0001end`;

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'response-property-removed',
    level: 'ERR',
    section: 'response-schema',
    message: 'GET /users/{id}: response 200 property name removed',
    operation: 'GET /users/{id}',
    operationKey: 'GET /users/{}',
    field: 'response.200.body.name',
    pointer: '/paths/~1users~1{id}/get/responses/200/content/application~1json/schema/properties/name',
    side: 'base',
    ...overrides,
  };
}

/** One of everything: a breaking change, a warning on another operation, a safe change and a document-wide one. */
const made: DiffResult = {
  kind: 'openapi',
  base: { title: 'Users', version: '1.4.0' },
  revision: { title: 'Users', version: '1.5.0' },
  findings: [
    finding({
      level: 'INFO',
      ruleId: 'endpoint-added',
      message: 'GET /teams: operation added',
      operation: 'GET /teams',
      operationKey: 'GET /teams',
      field: null,
    }),
    finding({}),
    finding({
      level: 'WARN',
      ruleId: 'request-property-enum-value-added',
      message: `POST /users: ${nasty}`,
      operation: 'POST /users',
      operationKey: 'POST /users',
    }),
    finding({
      level: 'INFO',
      ruleId: 'response-property-added',
      message: 'GET /users/{id}: response 200 property team added',
    }),
    finding({
      level: 'ERR',
      ruleId: 'security-scheme-removed',
      section: 'security',
      message: 'security scheme apiKey removed',
      operation: null,
      operationKey: null,
      field: null,
      pointer: '/components/securitySchemes/apiKey',
    }),
  ],
  summary: { ERR: 2, WARN: 1, INFO: 2 },
  operations: { base: 3, revision: 4, added: 1, removed: 0, changed: 2 },
};
const unchanged: DiffResult = { ...made, findings: [], summary: { ERR: 0, WARN: 0, INFO: 0 } };

describe('the verdict', () => {
  it('fails at the level asked and above, never below', () => {
    const warnings: DiffResult = { ...unchanged, summary: { ERR: 0, WARN: 1, INFO: 3 } };
    expect(runFails(made, 'ERR')).toBe(true);
    expect(runFails(warnings, 'ERR')).toBe(false);
    expect(runFails(warnings, 'WARN')).toBe(true);
    expect(runFails({ ...unchanged, summary: { ERR: 0, WARN: 0, INFO: 1 } }, 'WARN')).toBe(false);
    expect(runFails({ ...unchanged, summary: { ERR: 0, WARN: 0, INFO: 1 } }, 'INFO')).toBe(true);
    expect(runFails(unchanged, 'INFO')).toBe(false);
  });

  it('is summed up as counts by level across the operations with changes', () => {
    expect(summarise(made)).toBe('2 ERR, 1 WARN, 2 INFO across 3 operations');
    // Two breaking changes (a removed operation, a shorter maxLength) and an added operation, at least.
    expect(summarise(real)).toBe(`2 ERR, 0 WARN, ${real.summary.INFO} INFO across 3 operations`);
    expect(summarise(unchanged)).toBe('0 ERR, 0 WARN, 0 INFO');
  });

  it('names what was compared even when the documents say nothing of themselves', () => {
    const untitled = { title: null, version: null };
    const graphql: DiffResult = { ...unchanged, kind: 'graphql', base: untitled, revision: untitled };
    expect(formatText(graphql).split('\n')[0]).toBe('GraphQL schema');
    expect(formatText({ ...made, base: { title: 'Users', version: null } }).split('\n')[0]).toBe(
      'Users ? → 1.5.0',
    );
  });
});

describe('the text format', () => {
  const output = formatText(made);

  it('names the versions, then groups changes by operation with the breaking ones first', () => {
    expect(
      output.startsWith('Users 1.4.0 → 1.5.0\n4 operations in the revision: 1 added, 0 removed, 2 changed\n'),
    ).toBe(true);
    const order = ['Whole document', 'GET /users/{id}', 'POST /users', 'GET /teams'].map((title) =>
      output.indexOf(`\n${title}\n`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists each change with its level and rule, without repeating the operation', () => {
    expect(output).toMatch(
      /\nGET \/users\/\{id\}\n {2}ERR {3}response-property-removed +response 200 property name removed\n {2}INFO/,
    );
    expect(output).toContain('security-scheme-removed            security scheme apiKey removed');
  });

  it('ends with the summary and colours levels only when asked', () => {
    expect(output.trimEnd().split('\n').at(-1)).toBe('2 ERR, 1 WARN, 2 INFO across 3 operations');
    expect(output).not.toContain('\u001b[');
    const coloured = formatText(made, { color: true });
    expect(coloured).toContain('\u001b[31mERR \u001b[0m');
    expect(coloured).toContain('\u001b[33mWARN\u001b[0m');
    expect(formatText(unchanged)).toContain('\nNo changes.\n');
  });

  it('renders what the engine reports on two real documents', () => {
    const text = formatText(real);
    expect(text).toContain('Pets 1.0.0 → 2.0.0');
    const removal = realFinding('DELETE /pets/{id}');
    expect(text).toMatch(
      new RegExp(`DELETE /pets/\\{id\\}\\n {2}ERR {3}${removal.ruleId} +${removal.message.split(': ')[1]}`),
    );
    expect(text).toContain('request property name: maxLength decreased from 40 to 20');
  });
});

describe('the markdown format', () => {
  const output = formatMarkdown(made);

  it('opens with the verdict and a table counting changes by level', () => {
    expect(output).toContain(
      ':x: **Fails**: changes at ERR or above. 2 ERR, 1 WARN, 2 INFO across 3 operations.',
    );
    expect(output).toContain('| :x: ERR | 2 | 2 | breaks existing clients |');
    expect(output).toContain('| :warning: WARN | 1 | 1 | may break some clients |');
    expect(formatMarkdown(unchanged)).toContain(':white_check_mark: **Passes**.');
    expect(formatMarkdown(unchanged)).toContain('No changes to the contract.');
  });

  it('folds each level in <details>, breaking changes open, rule ids linked to their reference', () => {
    expect(output).toContain('<details open>\n<summary><strong>ERR: 2 breaking changes</strong></summary>');
    expect(output).toContain('<details>\n<summary><strong>INFO: 2 safe changes</strong></summary>');
    expect(output).toContain(
      '| `GET /users/{id}` | response 200 property name removed | [`response-property-removed`](docs/contract-checks.md#response-property-removed) |',
    );
    expect(output).toContain('| `Whole document` | security scheme apiKey removed |');
    const linked = formatMarkdown(made, { rulesUrl: 'https://example.com/rules' });
    expect(linked).toContain('(https://example.com/rules#endpoint-added)');
  });

  it('keeps a message with pipes and angle brackets inside its table cell', () => {
    expect(output).toContain('| `POST /users` | a &lt; b &amp; "c" \\| \'d\' ]]> \u0001end |');
  });

  it('fails on warnings when asked', () => {
    const warnings: DiffResult = {
      ...made,
      findings: made.findings.slice(2, 3),
      summary: { ERR: 0, WARN: 1, INFO: 0 },
    };
    expect(formatMarkdown(warnings)).toContain('**Passes**');
    expect(formatMarkdown(warnings, { failOn: 'WARN' })).toContain('**Fails**: changes at WARN or above.');
  });
});

describe('the JSON format', () => {
  it('is the DiffResult itself, read back unchanged, with keys in a fixed order', () => {
    expect(JSON.parse(formatJson(real))).toEqual(real);
    const shuffled = {
      ...real,
      findings: real.findings.map((item) => Object.fromEntries(Object.entries(item).reverse())),
    };
    expect(formatJson(shuffled as DiffResult)).toBe(formatJson(real));
    expect(Object.keys(JSON.parse(formatJson(real)))).toEqual([
      'kind',
      'base',
      'revision',
      'summary',
      'operations',
      'findings',
    ]);
  });
});

describe('the JUnit format', () => {
  it('is one test case per operation, failing those with a change at the fail-on level', () => {
    const document = parseXml(formatJunit(made, { file: 'api/openapi.yaml' }));
    expect(document.attributes).toMatchObject({ tests: '4', failures: '2' });
    const cases = document.children[0]?.children ?? [];
    expect(cases.map((item) => [item.attributes.name, item.children.map((child) => child.name)])).toEqual([
      ['Whole document', ['failure']],
      ['GET /users/{id}', ['failure', 'system-out']],
      ['POST /users', ['system-out']],
      ['GET /teams', ['system-out']],
    ]);
    expect(cases[1]?.attributes.file).toBe('api/openapi.yaml');
    expect(cases[1]?.children[0]?.attributes).toMatchObject({
      type: 'ERR',
      message: 'response 200 property name removed',
    });
    expect(cases[1]?.children[1]?.text).toBe(
      'INFO response-property-added: response 200 property team added',
    );
  });

  it('fails warnings with --fail-on WARN and carries awkward messages intact', () => {
    const strict = parseXml(formatJunit(made, { failOn: 'WARN' }));
    expect(strict.attributes.failures).toBe('3');
    const warning = strict.children[0]?.children[2]?.children[0];
    expect(warning?.attributes).toMatchObject({
      type: 'WARN',
      message: nasty.replace('\u0001', '').replace('POST /users: ', ''),
    });
  });

  it('is one passing test case when nothing changed, and reads a real diff', () => {
    expect(
      parseXml(formatJunit(unchanged)).children[0]?.children.map((item) => item.attributes.name),
    ).toEqual(['contract unchanged']);
    const fromReal = parseXml(formatJunit(real));
    expect(fromReal.attributes).toMatchObject({ failures: '2' });
    const failing = fromReal.children[0]?.children.filter((item) => item.children[0]?.name === 'failure');
    expect(failing?.map((item) => item.attributes.name)).toEqual(['POST /pets', 'DELETE /pets/{id}']);
    expect(fromReal.children[0]?.attributes.name).toBe('API contract: Pets 1.0.0 → 2.0.0');
  });
});

describe('the SARIF format', () => {
  const log = formatSarif(real, { file: { uri: 'api/open api.yaml', text: revisionYaml } });
  const run = log.runs[0];

  it('is SARIF 2.1.0 listing the whole catalogue with titles, reasons and links', () => {
    const parsed = JSON.parse(JSON.stringify(log));
    expect(parsed).toEqual(log);
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    const [first] = rules;
    expect(run?.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: first?.title },
      fullDescription: { text: first?.why },
      defaultConfiguration: {
        level: first?.level === 'ERR' ? 'error' : first?.level === 'WARN' ? 'warning' : 'note',
      },
    });
    expect(run?.tool.driver.rules[0]?.help.markdown).toContain(`(docs/contract-checks.md#${first?.id})`);
  });

  it('gives each result its level, its rule index and the operation as a logical location', () => {
    expect(run?.results.map((result) => [result.ruleId, result.level])).toEqual(
      real.findings.map((item) => [item.ruleId, { ERR: 'error', WARN: 'warning', INFO: 'note' }[item.level]]),
    );
    for (const result of run?.results ?? [])
      expect(run?.tool.driver.rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(run?.results.map((result) => result.locations[0]?.logicalLocations?.[0]?.name)).toEqual(
      real.findings.map((item) => item.operation ?? undefined),
    );
  });

  it('places results on the line of the revision file where the change is written', () => {
    const lines = revisionYaml.split('\n');
    const lineOf = (operation: string) =>
      run?.results[real.findings.indexOf(realFinding(operation))]?.locations[0]?.physicalLocation;
    const shortened = lineOf('POST /pets');
    expect(shortened?.artifactLocation.uri).toBe('api/open%20api.yaml');
    expect(lines[(shortened?.region.startLine ?? 0) - 1]?.trim()).toBe('maxLength: 20');
    expect(lines[(lineOf('GET /owners')?.region.startLine ?? 0) - 1]?.trim()).toBe('get:');
    // The removed operation is not in the revision: it lands on `paths`, its nearest surviving ancestor.
    expect(lines[(lineOf('DELETE /pets/{id}')?.region.startLine ?? 0) - 1]).toBe('paths:');
  });

  it('leaves results without a file with only their logical location, and unknown rules without an index', () => {
    const bare = formatSarif(made).runs[0]?.results ?? [];
    expect(bare[1]?.locations[0]).toEqual({
      logicalLocations: [
        { name: 'GET /users/{id}', fullyQualifiedName: 'GET /users/{id}', kind: 'resource' },
      ],
    });
    expect(bare.find((result) => result.ruleId === 'security-scheme-removed')?.locations[0]).toEqual({});
  });
});

describe('the locator', () => {
  it('follows $ref where the written document goes through one, and works on JSON text too', () => {
    const json = JSON.stringify(parseYaml(revisionYaml), null, 2);
    const locate = createLocator(json);
    const through = '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/name';
    const line = locate(through)?.line ?? 0;
    expect(json.split('\n')[line - 1]?.trim()).toBe('"name": {');
    expect(locate(through)?.exact).toBe(true);
    expect(locate('/paths/~1nowhere/get')).toMatchObject({ exact: false });
    expect(createLocator('openapi: [')('/paths')).toBeNull();
  });

  it('reads JSON as written: escaped keys, ~1 in pointers, items of arrays, values on the same line', () => {
    const json = '{"paths": {"/a\\"b": {"get": {"tags": ["x", {"y": [1, 2]}]}}},\n  "info": {"title": "T"}}';
    const locate = createLocator(json);
    expect(locate('/paths/~1a"b/get/tags/1/y/1')).toEqual({
      line: 1,
      column: json.indexOf('2]') + 1,
      exact: true,
    });
    const title = { line: 2, column: json.split('\n')[1]?.indexOf('"title"') ?? 0 };
    expect(locate('/info/title')).toEqual({ line: 2, column: title.column + 1, exact: true });
    expect(locate('/info/title/deeper')).toEqual({ line: 2, column: title.column + 1, exact: false });
  });
});
