import type { ReactNode } from 'react';

/** Heading levels a nested part of a page may take, so that levels never skip. */
export type Level = 2 | 3 | 4 | 5 | 6;

/** The level under `level`, kept at 6, the deepest HTML has. */
export function below(level: Level): Level {
  return level === 2 ? 3 : level === 3 ? 4 : level === 4 ? 5 : 6;
}

/** A heading of the given level: the same view sits under an h1 on one page and an h2 on another. */
export function Heading(props: { level: Level; id?: string; className?: string; children: ReactNode }) {
  const { level, children, ...rest } = props;
  switch (level) {
    case 2:
      return <h2 {...rest}>{children}</h2>;
    case 3:
      return <h3 {...rest}>{children}</h3>;
    case 4:
      return <h4 {...rest}>{children}</h4>;
    case 5:
      return <h5 {...rest}>{children}</h5>;
    default:
      return <h6 {...rest}>{children}</h6>;
  }
}
