import { useState } from 'react';
import { Link } from 'wouter';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { type Prd, type PrdKey, type Transition, usePrdTransition } from './queries';
import { actionLabels, ReviewForm, SupersedeForm } from './review-forms';

const transitions: readonly string[] = ['submit', 'withdraw', 'archive'] satisfies Transition[];
type Opened = 'approve' | 'request-changes' | 'supersede';

/** The workflow actions the PRD's status allows and the member's role may take, and nothing else. */
export function PrdActions(props: { prd: Prd; prdKey: PrdKey }) {
  const { prd, prdKey } = props;
  const canWrite = useCan('write');
  const canReview = useCan('review');
  const [open, setOpen] = useState<Opened | null>(null);
  const act = usePrdTransition(prd, prdKey);
  const allowed = prd.allowedActions.filter((action) =>
    action === 'approve' || action === 'request-changes' ? canReview : canWrite,
  );
  const editable = canWrite && prd.status !== 'superseded' && prd.status !== 'archived';
  const close = () => setOpen(null);
  return (
    <section className="panel" aria-label="Actions">
      <div className="actions">
        {editable ? (
          <Link className="button" href={`/projects/${prdKey.projectId}/prds/${prdKey.id}/edit`}>
            Edit
          </Link>
        ) : null}
        {allowed.map((action) =>
          transitions.includes(action) ? (
            <button
              key={action}
              type="button"
              className={action === 'submit' ? 'primary' : undefined}
              disabled={act.isPending}
              onClick={() => act.mutate(action as Transition)}
            >
              {actionLabels[action]}
            </button>
          ) : (
            <button
              key={action}
              type="button"
              aria-expanded={open === action}
              className={action === 'approve' ? 'primary' : undefined}
              onClick={() => setOpen(open === action ? null : (action as Opened))}
            >
              {actionLabels[action]}…
            </button>
          ),
        )}
        {allowed.length === 0 && !editable ? (
          <span className="muted">No actions available to you.</span>
        ) : null}
      </div>
      <FormError error={act.error} />
      {open === 'approve' || open === 'request-changes' ? (
        <ReviewForm key={open} verdict={open} prd={prd} prdKey={prdKey} onDone={close} />
      ) : null}
      {open === 'supersede' ? <SupersedeForm prd={prd} prdKey={prdKey} onDone={close} /> : null}
    </section>
  );
}
