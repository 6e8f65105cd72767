import type { Level } from './queries';

/** What each level is called on screen; an area marked not applicable has no level. */
export const levelNames: Record<Level, string> = {
  none: 'No level',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

/** A level's name, or "Not applicable" for an area without one. */
export function levelName(level: Level | null | undefined): string {
  return level ? levelNames[level] : 'Not applicable';
}

/** A level as a coloured pill, the same on the home page, the project page and the scorecard. */
export function LevelBadge(props: { level: Level | null; large?: boolean }) {
  const className = `level-badge level-${props.level ?? 'na'}${props.large ? ' large' : ''}`;
  return <span className={className}>{levelName(props.level)}</span>;
}

/** A check's outcome as a pill: pass, fail, waived, disabled, not applicable or unknown. */
export function CheckStatus(props: { status: string }) {
  return <span className={`check-status check-${props.status}`}>{props.status.replace(/_/g, ' ')}</span>;
}
