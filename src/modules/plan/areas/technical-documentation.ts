import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf, result } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const documentationSections = planTable('documentation_sections', {
  purpose: 'The documents the project needs, who they are for, and who keeps them true',
  fields: {
    name: field.name('Title of the section'),
    audience: field.enum(
      ['developers', 'operators', 'users', 'agents', 'security-reviewers'],
      'Who reads it',
      { required: true },
    ),
    kind: field.enum(
      ['tutorial', 'how-to', 'reference', 'explanation', 'runbook', 'decision-record'],
      'What kind of document it is',
      { required: true },
    ),
    status: field.enum(['planned', 'draft', 'published', 'outdated'], 'Where it stands', {
      default: 'planned',
    }),
    outline: field.text('What the section covers'),
    location: field.label('Where it lives (a path in the repository or a URL)'),
    owner: field.label('Team or person who keeps it true'),
    reviewIntervalDays: field.int('How often it must be re-read against the code', 1, 3650),
    lastReviewedAt: field.time('When someone last checked it against the code'),
  },
});

export const diagramDefinitions = planTable('diagram_definitions', {
  purpose: 'Diagrams kept as text, and what each is generated from',
  fields: {
    name: field.name(),
    sectionId: field.ref(() => documentationSections, 'The section that shows it'),
    kind: field.enum(
      ['architecture', 'sequence', 'entity-relationship', 'flow', 'deployment', 'state'],
      'What it draws',
      { required: true },
    ),
    format: field.enum(['mermaid', 'plantuml', 'dbml', 'graphviz', 'image'], 'How it is written', {
      required: true,
    }),
    source: field.text('The diagram source', 50_000),
    generatedFrom: field.label('What it is generated from, when it is (e.g. the database schema)'),
    lastVerifiedAt: field.time('When it was last regenerated or checked against the system'),
  },
});

export const codeExamples = planTable('code_examples', {
  purpose: 'Examples shown in the documentation, and the test that keeps each working',
  fields: {
    name: field.name(),
    sectionId: field.ref(() => documentationSections, 'The section that shows it'),
    language: field.label('Programming language or shell'),
    code: field.text('The example', 50_000),
    testedBy: field.label('The test or script that runs it'),
    lastRunAt: field.time('When that test last ran (reported by CI)'),
    lastRunStatus: field.enum(['passed', 'failed'], 'How the last run ended'),
  },
});

export const troubleshootingGuides = planTable('troubleshooting_guides', {
  purpose: 'Symptoms people will meet, their causes and how to resolve them',
  fields: {
    name: field.name(),
    sectionId: field.ref(() => documentationSections, 'The section it belongs to'),
    symptom: field.text('What people see (an error, an alert, a behaviour)'),
    cause: field.text('Why it happens'),
    resolution: field.text('Steps that fix it'),
    alertName: field.label('Alert that links to this guide, if any'),
    lastVerifiedAt: field.time('When the steps were last followed for real'),
  },
});

export const technicalDocumentationArea = defineArea({
  number: 23,
  slug: 'technical-documentation',
  key: 'docs',
  title: 'Technical documentation',
  summary: 'Documentation sections, diagrams as code, tested examples and troubleshooting guides.',
  tables: { documentationSections, diagramDefinitions, codeExamples, troubleshootingGuides },
  checks: [
    {
      id: 'docs.sections-planned',
      level: 'bronze',
      title: 'Documentation sections are planned',
      why: 'Documentation written after the fact is written from memory; planning it names what readers will need.',
      evaluate: ({ documentationSections }) => atLeast(documentationSections, 'documentation sections'),
    },
    {
      id: 'docs.runbook-planned',
      level: 'bronze',
      title: 'Operators have a runbook or troubleshooting guide',
      why: 'The person paged at night needs written steps, not the author’s memory.',
      evaluate: ({ documentationSections, troubleshootingGuides }) => {
        const runbooks = documentationSections.filter((section) => section.kind === 'runbook');
        if (runbooks.length + troubleshootingGuides.length > 0)
          return result.pass(
            `${runbooks.length} runbooks and ${troubleshootingGuides.length} troubleshooting guides planned.`,
          );
        return result.fail('No runbook section or troubleshooting guide planned yet.');
      },
    },
    {
      id: 'docs.sections-owned',
      level: 'silver',
      title: 'Every section has an owner, a location and a review interval',
      why: 'Documents without an owner and a review rhythm drift from the code until they mislead.',
      evaluate: ({ documentationSections }) =>
        everyRow('documentation_sections', documentationSections, 'documentation sections', (section) =>
          missingOf(section, {
            owner: 'no owner',
            location: 'no location',
            reviewIntervalDays: 'no review interval',
          }),
        ),
    },
    {
      id: 'docs.examples-tested',
      level: 'silver',
      title: 'Every code example has its code, its language and a test that runs it',
      why: 'Examples are copied verbatim by people and agents; the untested ones rot first.',
      evaluate: ({ codeExamples }) =>
        everyRow('code_examples', codeExamples, 'code examples', (example) =>
          missingOf(example, { code: 'no code', language: 'no language', testedBy: 'no test' }),
        ),
    },
    {
      id: 'docs.guides-resolve',
      level: 'silver',
      title: 'Every troubleshooting guide has a symptom, a cause and a resolution',
      why: 'A guide that stops at the symptom sends the reader back to guessing at the worst moment.',
      evaluate: ({ troubleshootingGuides }) =>
        everyRow('troubleshooting_guides', troubleshootingGuides, 'troubleshooting guides', (guide) =>
          missingOf(guide, { symptom: 'no symptom', cause: 'no cause', resolution: 'no resolution' }),
        ),
    },
    {
      id: 'docs.examples-pass',
      level: 'gold',
      title: 'Every code example passed its test within the last 30 days',
      why: 'An example that no longer runs teaches readers and agents the wrong API.',
      evaluate: ({ codeExamples }, { now }) =>
        everyRow('code_examples', codeExamples, 'code examples', (example) => {
          if (!example.lastRunAt) return 'never run';
          if (example.lastRunStatus !== 'passed') return 'last run failed';
          return daysBetween(example.lastRunAt, now) > 30 ? 'last run over 30 days ago' : null;
        }),
    },
    {
      id: 'docs.published-sections-reviewed',
      level: 'gold',
      title: 'Every published section was reviewed within its review interval',
      why: 'Review dates are the evidence that a published document still matches the system.',
      evaluate: ({ documentationSections }, { now }) =>
        everyRow(
          'documentation_sections',
          documentationSections.filter((section) => section.status === 'published'),
          'published documentation sections',
          (section) => {
            if (!section.lastReviewedAt) return 'never reviewed';
            const interval = section.reviewIntervalDays ?? 180;
            return daysBetween(section.lastReviewedAt, now) > interval
              ? `not reviewed in ${interval} days`
              : null;
          },
        ),
    },
  ],
});
