/**
 * The sections a new PRD starts with, in the order reviewers read them. Requirements and success
 * criteria are numbered (FR-001, SC-001) so comments, tests and decisions can point at one.
 */
export function prdTemplate(title: string): string {
  return `# ${title}

## Problem

Who has the problem, what it costs them today, and how we know.

## Goals

- 

## Non-goals

- 

## Requirements

- FR-001: … Acceptance: …
- FR-002: … Acceptance: …

## Success criteria

- SC-001: … measured by …

## Risks

- 

## Open questions

- 
`;
}
