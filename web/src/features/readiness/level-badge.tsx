import type { Level } from './queries';

/** A level as a coloured pill; an area marked not applicable has no level. */
export function LevelBadge(props: { level: Level | null; large?: boolean }) {
  const name = props.level ?? 'not applicable';
  const className = `level-badge level-${props.level ?? 'na'}${props.large ? ' large' : ''}`;
  return <span className={className}>{name}</span>;
}

/** A check's outcome as a pill: pass, fail, waived, disabled, not applicable or unknown. */
export function CheckStatus(props: { status: string }) {
  return <span className={`check-status check-${props.status}`}>{props.status.replace(/_/g, ' ')}</span>;
}
