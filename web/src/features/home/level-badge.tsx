import { type Level, levelNames } from './portfolio';

/** A readiness level as a badge, in the level's colours (styles.css `--level-*`). */
export function LevelBadge(props: { level: Level }) {
  return <span className={`level-badge level-badge-${props.level}`}>{levelNames[props.level]}</span>;
}
