import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useProject } from './queries';

/** The trail above a project's screens: Projects › the project by name, then any further crumbs. */
export function ProjectCrumbs(props: { projectId: string; children?: ReactNode }) {
  const project = useProject(props.projectId);
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.children}
    </>
  );
}

/** One further step of the trail: ` › ` and a link. */
export function Crumb(props: { href: string; children: ReactNode }) {
  return (
    <>
      {' › '}
      <Link href={props.href}>{props.children}</Link>
    </>
  );
}
