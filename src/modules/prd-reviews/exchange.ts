import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AppError } from '../../core/errors/app-error.ts';
import { requirementItems } from './lint.ts';

export interface ExportedPrd {
  id: string;
  title: string;
  content: string;
  status: string;
  currentRevision: number;
  authorId: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  approvedRevision: number | null;
  updatedAt: Date;
}

/** The PRD as Markdown with YAML front matter (title, status, revision, review). */
export function toMarkdown(prd: ExportedPrd): string {
  const frontMatter = stringifyYaml({
    id: prd.id,
    title: prd.title,
    status: prd.status,
    revision: prd.currentRevision,
    author: prd.authorId,
    reviewedBy: prd.reviewedBy,
    reviewedAt: prd.reviewedAt?.toISOString() ?? null,
    approvedRevision: prd.approvedRevision,
    updatedAt: prd.updatedAt.toISOString(),
  });
  return `---\n${frontMatter}---\n\n${prd.content.replace(/^\n+/, '')}${prd.content.endsWith('\n') ? '' : '\n'}`;
}

/** Splits optional YAML front matter from Markdown; the title comes from it, else the first heading. */
export function fromMarkdown(markdown: string): { title: string | null; content: string } {
  const text = markdown.replace(/\r\n/g, '\n');
  let content = text;
  let title: string | null = null;
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (front) {
    let data: unknown;
    try {
      data = parseYaml(front[1] ?? '');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'validation_failed',
        `The front matter is not valid YAML: ${reason.split('\n')[0]}`,
        {
          errors: [{ path: 'markdown', message: 'front matter is not valid YAML' }],
        },
      );
    }
    if (typeof data === 'object' && data !== null && 'title' in data && typeof data.title === 'string') {
      title = data.title.trim() || null;
    }
    content = text.slice(front[0].length).replace(/^\n+/, '');
  }
  if (!title) {
    const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(content);
    if (heading?.[1]) {
      title = heading[1];
      content = content.replace(heading[0], '').replace(/^\n+/, '');
    }
  }
  return { title, content };
}

/** The items of the first section whose heading matches, as plain text. */
function sectionItems(content: string, heading: RegExp): string[] {
  const lines = content.split('\n');
  const start = lines.findIndex((line) => /^#{1,6}\s/.test(line) && heading.test(line));
  if (start === -1) return [];
  const level = /^(#+)/.exec(lines[start] ?? '')?.[1]?.length ?? 1;
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const next = /^(#{1,6})\s/.exec(line);
    if (next?.[1] && next[1].length <= level) break;
    const item = /^ {0,1}(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item?.[1]) items.push(item[1].trim());
  }
  return items;
}

/** A numbered item of a spec: `FR-001` or `SC-001` and its text. */
export interface SpecItem {
  id: string;
  text: string;
}

/**
 * The functional requirements (FR-001…) and success criteria (SC-001…) of a PRD's content, numbered
 * as spec.md numbers them: what tasks are generated from.
 */
export function specItems(content: string): { requirements: SpecItem[]; criteria: SpecItem[] } {
  const number = (prefix: string, index: number) => `${prefix}-${String(index + 1).padStart(3, '0')}`;
  return {
    requirements: requirementItems(content).map((item, index) => ({
      id: number('FR', index),
      text: item.text.replace(/\n/g, ' '),
    })),
    criteria: sectionItems(content, /success (metrics|criteria)|^#+\s*metrics/i).map((text, index) => ({
      id: number('SC', index),
      text,
    })),
  };
}

/**
 * The PRD as a `spec.md` coding agents read: user stories, numbered functional requirements
 * (FR-001…), success criteria (SC-001…) and the open clarification markers.
 */
export function toSpec(prd: ExportedPrd): string {
  const stories = sectionItems(prd.content, /user stor/i);
  const storyLines = stories.length
    ? stories
    : prd.content
        .split('\n')
        .filter((line) => /\bas an? .+?, I want\b/i.test(line))
        .map((line) => line.replace(/^\s*[-*+]\s+/, '').trim());
  const { requirements, criteria } = specItems(prd.content);
  const clarifications = [...prd.content.matchAll(/\[NEEDS CLARIFICATION(?::\s*([^\]]*))?\]/g)].map(
    (match) => `[NEEDS CLARIFICATION: ${match[1]?.trim() || 'unspecified'}]`,
  );
  const parts = [
    `# Feature Specification: ${prd.title}`,
    '',
    `**Status**: ${prd.status} · **Revision**: ${prd.currentRevision}${prd.approvedRevision ? ` · **Approved revision**: ${prd.approvedRevision}` : ''}`,
    `**Source PRD**: ${prd.id}`,
    '',
    '## User Scenarios',
    '',
    ...(storyLines.length
      ? storyLines.map((story, index) => `### User Story ${index + 1}\n\n${story}\n`)
      : ['_None stated._', '']),
    '## Requirements',
    '',
    '### Functional Requirements',
    '',
    ...(requirements.length
      ? requirements.map(({ id, text }) => `- **${id}**: ${text}`)
      : ['_None stated._']),
    '',
    '## Success Criteria',
    '',
    ...(criteria.length ? criteria.map(({ id, text }) => `- **${id}**: ${text}`) : ['_None stated._']),
    '',
    '## Clarifications Needed',
    '',
    ...(clarifications.length ? clarifications.map((marker) => `- ${marker}`) : ['_None._']),
    '',
  ];
  return parts.join('\n');
}
