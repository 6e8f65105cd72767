import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Technical documentation area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function technicalDocumentationFixture(now = new Date()): AreaImport {
  return {
    'documentation-sections': [
      {
        ref: 'api',
        values: {
          name: 'Payments API reference',
          audience: 'developers',
          kind: 'reference',
          status: 'published',
          location: 'docs/api.md',
          owner: 'payments team',
          reviewIntervalDays: 90,
          lastReviewedAt: daysAgo(now, 20),
        },
      },
      {
        ref: 'oncall',
        values: {
          name: 'On-call runbook',
          audience: 'operators',
          kind: 'runbook',
          status: 'draft',
          location: 'docs/runbook.md',
          owner: 'platform team',
          reviewIntervalDays: 30,
        },
      },
    ],
    'diagram-definitions': [
      {
        values: {
          name: 'payment data model',
          sectionId: '@api',
          kind: 'entity-relationship',
          format: 'mermaid',
          generatedFrom: 'the database schema',
        },
      },
    ],
    'code-examples': [
      {
        values: {
          name: 'create a payment',
          sectionId: '@api',
          language: 'shell',
          code: 'curl -X POST /api/v1/payments',
          testedBy: 'test/docs-examples.test.ts',
          lastRunAt: daysAgo(now, 1),
          lastRunStatus: 'passed',
        },
      },
    ],
    'troubleshooting-guides': [
      {
        values: {
          name: 'card declines spike',
          sectionId: '@oncall',
          symptom: 'decline rate alert fires',
          cause: 'the acquirer degraded',
          resolution: 'fail over to the secondary acquirer',
        },
      },
    ],
  };
}
