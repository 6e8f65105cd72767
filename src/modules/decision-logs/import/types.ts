import type {
  ConsideredOption,
  DecisionStatus,
  ImportFormat,
  impactLevels,
  RelatedArtifact,
} from '../contracts.ts';

export type { ImportFormat };

/** What one ADR file says, before names and links are resolved against the workspace. */
export interface ParsedDecision {
  file: string;
  format: ImportFormat;
  /** The number the file gives itself (heading `# 3.` or file name `0003-…`), used to resolve links. */
  sourceNumber?: number;
  title: string;
  status: DecisionStatus;
  decisionDate?: string;
  /** Display names (or emails) of the people who decided. */
  deciders: string[];
  /** Names or emails of QA members involved. */
  qa: string[];
  tags: string[];
  decisionType?: string;
  sprintRelease: string;
  impactRisk?: { level: (typeof impactLevels)[number]; text: string };
  context: string;
  decision: string;
  decisionDrivers: string[];
  consideredOptions: ConsideredOption[];
  consequences: string;
  consequencesGood: string[];
  consequencesBad: string[];
  confirmation: string;
  moreInformation: string;
  relatedArtifacts: RelatedArtifact[];
  /** References (file name, `ADR-0003`, `3`) to the decision that replaces this one. */
  supersededByRef?: string;
  supersedesRefs: string[];
  warnings: string[];
}

export function emptyDecision(file: string, format: ImportFormat): ParsedDecision {
  return {
    file,
    format,
    title: '',
    status: 'accepted',
    deciders: [],
    qa: [],
    tags: [],
    sprintRelease: '',
    context: '',
    decision: '',
    decisionDrivers: [],
    consideredOptions: [],
    consequences: '',
    consequencesGood: [],
    consequencesBad: [],
    confirmation: '',
    moreInformation: '',
    relatedArtifacts: [],
    supersedesRefs: [],
    warnings: [],
  };
}
