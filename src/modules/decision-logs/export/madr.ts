import { stringify } from 'yaml';
import type { ConsideredOption, RelatedArtifact } from '../contracts.ts';
import { referenceOf } from '../contracts.ts';

/** A decision as the exporters need it: its stored fields plus how to name the files it links to. */
export interface ExportedDecision {
  id: string;
  number: number;
  title: string;
  status: string;
  decisionType: string;
  decisionOwner: string;
  decisionDate: string;
  sprintRelease: string;
  context: string;
  decision: string;
  decisionDrivers: string[];
  consideredOptions: ConsideredOption[];
  consequences: string;
  consequencesGood: string[];
  consequencesBad: string[];
  confirmation: string;
  moreInformation: string;
  impactRiskLevel: string | null;
  impactRiskText: string;
  tags: string[];
  relatedArtifacts: RelatedArtifact[];
  supersededBy: string | null;
  supersedes: string[];
  projectId: string | null;
  /** Emails of the involved QA members. */
  qaEmails: string[];
}

/** `0007-use-postgresql.md`. */
export function fileNameOf(number: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${String(number).padStart(4, '0')}-${slug || 'decision'}.md`;
}

/** How a linked decision is named: its file name when exported alongside, else its reference. */
export type LinkNamer = (id: string) => { reference: string; file?: string };

function linkTo(id: string, name: LinkNamer): string {
  const target = name(id);
  return target.file ? `[${target.reference}](${target.file})` : target.reference;
}

function section(heading: string, text: string): string {
  return text.trim() ? `${heading}\n\n${text.trim()}\n` : '';
}

function bullets(items: string[], prefix = ''): string {
  return items.map((item) => `* ${prefix}${item}`).join('\n');
}

/**
 * One decision as MADR 4 Markdown: YAML front matter (MADR's keys plus Shipshape's own:
 * decision-type, sprint-release, impact-risk, involved-qa, tags, related-artifacts, supersedes),
 * then MADR's sections. Import reads it back to the same decision.
 */
export function renderMadr(decision: ExportedDecision, name: LinkNamer): string {
  const frontMatter: Record<string, unknown> = {
    status:
      decision.status === 'superseded' && decision.supersededBy
        ? `superseded by ${linkTo(decision.supersededBy, name)}`
        : decision.status,
    date: decision.decisionDate,
  };
  if (decision.decisionOwner) frontMatter['decision-makers'] = decision.decisionOwner;
  frontMatter['decision-type'] = decision.decisionType;
  if (decision.sprintRelease) frontMatter['sprint-release'] = decision.sprintRelease;
  if (decision.impactRiskLevel) {
    frontMatter['impact-risk'] = decision.impactRiskLevel;
    if (decision.impactRiskText) frontMatter['impact-risk-notes'] = decision.impactRiskText;
  }
  if (decision.qaEmails.length) frontMatter['involved-qa'] = decision.qaEmails;
  if (decision.tags.length) frontMatter.tags = decision.tags;
  if (decision.supersedes.length)
    frontMatter.supersedes = decision.supersedes.map((id) => name(id).file ?? name(id).reference);
  if (decision.relatedArtifacts.length) frontMatter['related-artifacts'] = decision.relatedArtifacts;

  const outcome = [
    decision.decision.trim(),
    decision.consequences.trim() || decision.consequencesGood.length || decision.consequencesBad.length
      ? [
          '### Consequences',
          decision.consequences.trim(),
          [
            bullets(decision.consequencesGood, 'Good, because '),
            bullets(decision.consequencesBad, 'Bad, because '),
          ]
            .filter(Boolean)
            .join('\n'),
        ]
          .filter(Boolean)
          .join('\n\n')
      : '',
    decision.confirmation.trim() ? `### Confirmation\n\n${decision.confirmation.trim()}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const options = decision.consideredOptions;
  const prosAndCons = options
    .filter(
      (option) =>
        option.description.trim() || option.pros.length || option.neutral.length || option.cons.length,
    )
    .map((option) =>
      [
        `### ${option.title}`,
        option.description.trim(),
        [
          bullets(option.pros, 'Good, because '),
          bullets(option.neutral, 'Neutral, because '),
          bullets(option.cons, 'Bad, because '),
        ]
          .filter(Boolean)
          .join('\n'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    )
    .join('\n\n');

  return [
    `---\n${stringify(frontMatter, { lineWidth: 0 }).trim()}\n---\n`,
    `# ${decision.title}\n`,
    section('## Context and Problem Statement', decision.context),
    section('## Decision Drivers', bullets(decision.decisionDrivers)),
    section('## Considered Options', bullets(options.map((option) => option.title))),
    section('## Decision Outcome', outcome),
    section('## Pros and Cons of the Options', prosAndCons),
    section('## More Information', decision.moreInformation),
  ]
    .filter(Boolean)
    .join('\n');
}

/** `ADR-0007` and, when exported alongside, its file name. */
export function namerFor(
  decisions: { id: string; number: number; title: string }[],
  withFiles: boolean,
): LinkNamer {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  return (id) => {
    const found = byId.get(id);
    if (!found) return { reference: 'an unknown decision' };
    return {
      reference: referenceOf(found.number),
      file: withFiles ? fileNameOf(found.number, found.title) : undefined,
    };
  };
}
