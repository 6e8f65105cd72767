/** A `-- shipshape-ignore rule-id[, rule-id]: reason` comment. */
export interface IgnoreDirective {
  ruleIds: string[];
  reason: string;
  /** `shipshape-ignore-file` applies to every statement of the file. */
  wholeFile: boolean;
}

const directive = /--\s*shipshape-ignore(-file)?\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::\s*(.*))?$/gm;

/** The ignore directives written in a stretch of comments. */
export function ignoreDirectives(comments: string): IgnoreDirective[] {
  return [...comments.matchAll(directive)].map((match) => ({
    wholeFile: Boolean(match[1]),
    ruleIds: (match[2] ?? '').split(',').map((id) => id.trim()),
    reason: (match[3] ?? '').trim(),
  }));
}
