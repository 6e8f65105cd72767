import { splitLines, splitList } from '../../components/forms';
import { bodyEditable } from './lifecycle';
import type { Decision, DecisionChanges, NewDecision } from './queries';

/** A considered option as its form fields hold it: lists as one item per line. */
export interface OptionDraft {
  title: string;
  description: string;
  pros: string;
  neutral: string;
  cons: string;
}

export const emptyOption: OptionDraft = { title: '', description: '', pros: '', neutral: '', cons: '' };

const today = () => new Date().toISOString().slice(0, 10);

/** The form's text fields for a decision, or for a new one (decided today). */
export function valuesOf(d?: Decision) {
  return {
    title: d?.title ?? '',
    decisionType: d?.decisionType ?? '',
    decisionOwnerId: d?.decisionOwnerId ?? '',
    decisionDate: d?.decisionDate ?? today(),
    sprintRelease: d?.sprintRelease ?? '',
    projectId: d?.projectId ?? '',
    context: d?.context ?? '',
    decision: d?.decision ?? '',
    drivers: (d?.decisionDrivers ?? []).join('\n'),
    consequences: d?.consequences ?? '',
    good: (d?.consequencesGood ?? []).join('\n'),
    bad: (d?.consequencesBad ?? []).join('\n'),
    impactLevel: d?.impactRisk?.level ?? '',
    impactText: d?.impactRisk?.text ?? '',
    tags: (d?.tags ?? []).join(', '),
  };
}
export type DecisionValues = ReturnType<typeof valuesOf>;

export function optionsOf(d?: Decision): OptionDraft[] {
  return (d?.consideredOptions ?? []).map((option) => ({
    title: option.title,
    description: option.description,
    pros: option.pros.join('\n'),
    neutral: option.neutral.join('\n'),
    cons: option.cons.join('\n'),
  }));
}

/** The PRDs the decision links to (the form edits these; other links are kept as they are). */
export function linkedPrdIds(d?: Decision): string[] {
  return (d?.relatedArtifacts ?? []).flatMap((artifact) => (artifact.type === 'prd' ? [artifact.id] : []));
}

/** What to send: the whole decision while its substance may change, else only its tags and links. */
export function requestBody(
  d: Decision | undefined,
  draft: { values: DecisionValues; options: OptionDraft[]; qa: string[]; prdIds: string[] },
): NewDecision | DecisionChanges {
  const { values } = draft;
  const links = {
    tags: splitList(values.tags),
    relatedArtifacts: [
      ...(d?.relatedArtifacts ?? []).filter((artifact) => artifact.type !== 'prd'),
      ...draft.prdIds.map((id) => ({ type: 'prd' as const, id })),
    ],
  };
  if (d && !bodyEditable(d.status)) return links;
  return {
    title: values.title,
    decisionType: values.decisionType,
    decisionOwnerId: values.decisionOwnerId || null,
    decisionDate: values.decisionDate,
    sprintRelease: values.sprintRelease,
    projectId: values.projectId || null,
    context: values.context,
    decision: values.decision,
    decisionDrivers: splitLines(values.drivers),
    consequences: values.consequences,
    involvedQa: draft.qa,
    confirmation: d?.confirmation ?? '',
    moreInformation: d?.moreInformation ?? '',
    consequencesGood: splitLines(values.good),
    consequencesBad: splitLines(values.bad),
    impactRisk: values.impactLevel ? { level: values.impactLevel as 'low', text: values.impactText } : null,
    consideredOptions: draft.options.map((option) => ({
      title: option.title,
      description: option.description,
      pros: splitLines(option.pros),
      neutral: splitLines(option.neutral),
      cons: splitLines(option.cons),
    })),
    ...links,
  } as NewDecision;
}
