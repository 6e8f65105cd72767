import { Link } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { When } from '../../components/ui';
import { useProjectChoices } from '../projects/queries';
import { sagaHrefs } from './crumbs';
import { useApprovals } from './queries';
import { ApprovalForm } from './saga-actions';

/** The home page's "Approvals waiting for me": each saga waiting on a step the reader may approve. */
export function ApprovalsSection() {
  const approvals = useApprovals();
  const projects = useProjectChoices();
  const projectName = (id: string | null) =>
    (id && projects.data?.data.find((project) => project.id === id)?.name) || null;
  return (
    <Section id="saga-approvals" title="Approvals waiting for me">
      <CursorList
        list={approvals}
        what="approvals"
        empty={<p className="muted">No saga waits for your approval.</p>}
      >
        {(rows) => (
          <ul className="cards saga-approvals">
            {rows.map((saga) => {
              const wait = saga.waitingFor?.kind === 'approval' ? saga.waitingFor : null;
              const project = projectName(saga.projectId);
              return (
                <li key={saga.id} aria-label={saga.title}>
                  <p>
                    <Link href={sagaHrefs.saga(saga.id)}>{saga.title}</Link>
                    {project ? <span className="muted"> · {project}</span> : null}
                  </p>
                  <p>
                    {wait?.prompt ? (
                      <q>{wait.prompt}</q>
                    ) : (
                      `Step ${wait?.name ?? saga.stepNames[saga.currentStep]}`
                    )}
                    <span className="muted">
                      {' '}
                      · since <When at={saga.updatedAt} />
                    </span>
                  </p>
                  <ApprovalForm sagaId={saga.id} />
                </li>
              );
            })}
          </ul>
        )}
      </CursorList>
    </Section>
  );
}
