import { describe, expect, it } from 'vitest';
import { diffOpenApi } from '../index.ts';
import { withOperation } from './examples.ts';

/** `GET /orders` answering the given statuses. */
const answering = (...statuses: string[]) =>
  withOperation('get', '/orders', {
    responses: Object.fromEntries(statuses.map((status) => [status, { description: `Status ${status}` }])),
  });

function ruleIds(before: string[], after: string[]): string[] {
  return diffOpenApi(answering(...before), answering(...after), { today: '2026-06-01' })
    .findings.map((finding) => finding.ruleId)
    .sort();
}

describe('response statuses and ranges', () => {
  it('does not report a status folded into its range, nor a range narrowed to statuses of it', () => {
    expect(ruleIds(['200', '404'], ['2XX', '4XX'])).toEqual([
      'response-non-success-status-added',
      'response-success-status-added',
    ]);
    expect(ruleIds(['2XX'], ['200', '201'])).toEqual([
      'response-success-status-added',
      'response-success-status-added',
    ]);
  });

  it('reports a range removed with nothing of it left', () => {
    expect(ruleIds(['2XX', '4XX'], ['2XX'])).toEqual(['response-non-success-status-removed']);
    expect(ruleIds(['2XX', '4XX'], ['4XX', '500'])).toEqual([
      'response-non-success-status-added',
      'response-success-status-removed',
    ]);
  });
});
