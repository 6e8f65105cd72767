import type { ReactNode } from 'react';

/** A screen: its main landmark, with the trail back to where it belongs above its title. */
export function Page(props: { crumbs?: ReactNode; children: ReactNode }) {
  return (
    <main className="page">
      {props.crumbs ? <p className="crumbs">{props.crumbs}</p> : null}
      {props.children}
    </main>
  );
}

/** A part of a screen, named by its heading (`id`-heading, so links and tests can find it). */
export function Section(props: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  const heading = `${props.id}-heading`;
  return (
    <section className={props.className} aria-labelledby={heading}>
      <h2 id={heading}>{props.title}</h2>
      {props.children}
    </section>
  );
}
