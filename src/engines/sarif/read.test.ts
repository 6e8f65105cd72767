import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSarif, type SarifRunRead, securitySeverity } from './index.ts';

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));

/** A fixture's runs as written, to combine into another log. */
const runsWritten = (name: string) => z.object({ runs: z.array(z.unknown()) }).parse(fixture(name)).runs;

function runsOf(value: unknown): SarifRunRead[] {
  const reading = readSarif(value);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.runs;
}

/** A copy of a fixture changed by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the fixture's JSON freely
function edited(name: string, edit: (log: any) => void): unknown {
  const log = fixture(name);
  edit(log);
  return log;
}

describe('reading SARIF 2.1.0', () => {
  it("reads ESLint's SARIF formatter: levels, file URIs, in-source suppressions", () => {
    const [run] = runsOf(fixture('eslint.sarif.json'));
    expect(run).toMatchObject({ tool: 'ESLint', toolVersion: '8.57.0', stream: 'ESLint' });
    expect(
      run?.results.map((result) => [result.ruleId, result.severity, result.path, result.startLine]),
    ).toEqual([
      ['no-eval', 'major', '/home/ci/pay/src/checkout.js', 12],
      ['no-unused-vars', 'minor', '/home/ci/pay/src/cart.js', 3],
      ['no-unused-vars', 'minor', '/home/ci/pay/src/cart.js', 9],
    ]);
    expect(run?.results.map((result) => result.suppressed)).toEqual([false, false, true]);
    expect(run?.results[0]?.message).toBe('eval can be harmful.');
  });

  it('reads Semgrep: rule default level, security-severity, fingerprints, snippets and fixes', () => {
    const [run] = runsOf(fixture('semgrep.sarif.json'));
    const [result] = run?.results ?? [];
    expect(run).toMatchObject({ tool: 'Semgrep OSS', toolVersion: '1.95.0', stream: 'Semgrep OSS' });
    // warning is minor, but a security-severity of 7.5 makes it major: the worse wins.
    expect(result).toMatchObject({ level: 'warning', severity: 'major', path: 'app/db.py', startLine: 41 });
    expect(result?.fixes).toEqual([{ description: 'Use a parameterised query', filesChanged: 1 }]);
  });

  it('reads CodeQL: rule by index, automation id as the stream, paths relative to the source root', () => {
    const [run] = runsOf(fixture('codeql.sarif.json'));
    expect(run).toMatchObject({ tool: 'CodeQL', toolVersion: '2.19.3', stream: '/language:javascript/' });
    expect(run?.results.map((result) => [result.ruleId, result.level, result.severity, result.path])).toEqual(
      [
        ['js/sql-injection', 'error', 'major', 'server/orders.js'],
        ['js/hardcoded-credentials', 'warning', 'critical', 'server/config.js'],
      ],
    );
  });

  it('maps levels and security severities', () => {
    expect([9, '9.8', 7, '7.0', 6.9, 'high', undefined].map(securitySeverity)).toEqual([
      'critical',
      'critical',
      'major',
      'major',
      null,
      null,
      null,
    ]);
    const levels = edited('eslint.sarif.json', (log) => {
      const [first, second, third] = log.runs[0].results;
      first.level = 'note';
      second.level = 'none';
      delete third.level;
    });
    expect(runsOf(levels)[0]?.results.map((result) => [result.level, result.severity])).toEqual([
      ['note', 'info'],
      ['none', 'info'],
      // No level and none on the rule: SARIF's default, warning.
      ['warning', 'minor'],
    ]);
  });

  describe('fingerprints', () => {
    const fingerprints = (value: unknown) => runsOf(value)[0]?.results.map((result) => result.fingerprint);

    it('are stable, and distinct per result', () => {
      const first = fingerprints(fixture('eslint.sarif.json'));
      expect(fingerprints(fixture('eslint.sarif.json'))).toEqual(first);
      expect(new Set(first).size).toBe(3);
      expect(first?.[0]).toMatch(/^[0-9a-f]{64}$/);
    });

    it('never depend on the line: moved code keeps its finding', () => {
      const before = fingerprints(fixture('semgrep.sarif.json'));
      const moved = edited('semgrep.sarif.json', (log) => {
        const region = log.runs[0].results[0].locations[0].physicalLocation.region;
        region.startLine = 90;
        region.endLine = 90;
        delete log.runs[0].results[0].fingerprints;
      });
      const unmoved = edited('semgrep.sarif.json', (log) => {
        delete log.runs[0].results[0].fingerprints;
      });
      // Without the tool's fingerprints: rule, path and snippet, not the line.
      expect(fingerprints(moved)).toEqual(fingerprints(unmoved));
      expect(fingerprints(moved)).not.toEqual(before);
      const eslintMoved = edited('eslint.sarif.json', (log) => {
        log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 40;
      });
      expect(fingerprints(eslintMoved)).toEqual(fingerprints(fixture('eslint.sarif.json')));
    });

    it('take partialFingerprints in a stable key order, with the rule', () => {
      const reordered = edited('codeql.sarif.json', (log) => {
        const partial = log.runs[0].results[0].partialFingerprints;
        log.runs[0].results[0].partialFingerprints = {
          primaryLocationStartColumnFingerprint: partial.primaryLocationStartColumnFingerprint,
          primaryLocationLineHash: partial.primaryLocationLineHash,
        };
      });
      expect(fingerprints(reordered)).toEqual(fingerprints(fixture('codeql.sarif.json')));
      const otherRule = edited('codeql.sarif.json', (log) => {
        log.runs[0].results[0].ruleId = 'js/xss';
        delete log.runs[0].results[0].rule;
      });
      expect(fingerprints(otherRule)?.[0]).not.toBe(fingerprints(fixture('codeql.sarif.json'))?.[0]);
    });
  });

  it('keeps several runs apart and reads a run without results', () => {
    const runs = runsOf({
      version: '2.1.0',
      runs: [
        ...runsWritten('eslint.sarif.json'),
        ...runsWritten('codeql.sarif.json'),
        { tool: { driver: { name: 'Biome' } } },
      ],
    });
    expect(runs.map((run) => [run.tool, run.results.length])).toEqual([
      ['ESLint', 3],
      ['CodeQL', 2],
      ['Biome', 0],
    ]);
  });

  it('refuses what is not SARIF 2.1.0, with the path of each problem', () => {
    expect(readSarif({ version: '2.0.0', runs: [] })).toMatchObject({
      ok: false,
      problems: [{ path: 'version', message: expect.stringContaining('2.1.0') }],
    });
    expect(readSarif('not a log')).toMatchObject({ ok: false });
    const bad = edited('eslint.sarif.json', (log) => {
      log.runs[0].results[1].level = 'fatal';
      log.runs[0].results[2].message = 'text';
      log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      delete log.runs[0].tool.driver.name;
    });
    const reading = readSarif(bad);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems.map((problem) => problem.path).sort()).toEqual([
      'runs.0.results.0.locations.0.physicalLocation.region.startLine',
      'runs.0.results.1.level',
      'runs.0.results.2.message',
      'runs.0.tool.driver.name',
    ]);
  });

  it('refuses text that cannot be stored', () => {
    const nul = edited('eslint.sarif.json', (log) => {
      log.runs[0].results[0].message.text = 'a\u0000b';
      log.runs[0].results[1].message.text = 'lone \ud800 surrogate';
    });
    expect(readSarif(nul)).toMatchObject({
      ok: false,
      problems: [
        { path: 'runs.0.results.0.message.text', message: 'holds a NUL character' },
        { path: 'runs.0.results.1.message.text', message: 'holds a lone UTF-16 surrogate' },
      ],
    });
  });

  it('counts no result of kind pass or notApplicable', () => {
    const kinds = edited('eslint.sarif.json', (log) => {
      log.runs[0].results[0].kind = 'pass';
      log.runs[0].results[1].kind = 'fail';
    });
    expect(runsOf(kinds)[0]?.results.map((result) => result.ruleId)).toEqual([
      'no-unused-vars',
      'no-unused-vars',
    ]);
  });
});
