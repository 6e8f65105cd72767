import { planAreas } from './areas/index.ts';

const levelMeaning = {
  bronze: 'planned: the area has its rows',
  silver: 'specified: every row carries what it needs to be built and run',
  gold: 'verified: reality (runs, tests, billing, scanners) confirms the plan',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/readiness.md, generated from the plan's areas so that it cannot drift from the code. */
export function readinessDocument(): string {
  const areas = planAreas;
  const total = areas.reduce((sum, area) => sum + area.checks.length, 0);
  const lines = [
    '# Readiness checks',
    '',
    "<!-- Generated from the plan's areas by `npm run docs:readiness`; a test fails when it is out of date. -->",
    '',
    `Shipshape evaluates ${total} checks over ${areas.length} planning areas. A project reaches a level in an`,
    'area only when every check at that level and below passes (or is waived, or does not apply); the',
    'overall level is the lowest level among the areas that apply. See `GET /api/v1/projects/{id}/readiness`.',
    '',
    ...Object.entries(levelMeaning).map(([level, meaning]) => `- **${level}** — ${meaning}`),
    '',
  ];
  for (const area of areas) {
    lines.push(`## ${area.number}. ${area.title}`, '', area.summary, '');
    lines.push(`Tables: ${area.tables.map((table) => `\`plan.${table.name}\``).join(', ')}.`, '');
    lines.push('| Check | Level | What it asks | Why it matters |', '| --- | --- | --- | --- |');
    for (const check of area.checks) {
      lines.push(`| \`${check.id}\` | ${check.level} | ${cell(check.title)} | ${cell(check.why)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
