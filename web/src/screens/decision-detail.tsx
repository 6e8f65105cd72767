import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'wouter';
import { call, type ResponseOf } from '../api/client';
import { fieldError, fieldErrorsOf } from '../components/forms';
import { Empty, Field, FormError, inputProps, Query, Status, When } from '../components/ui';
import { useCan, useNameOf } from '../people';

type Decision = ResponseOf<'/api/v1/decision-logs/{id}', 'get'>;
type Artifact = Decision['relatedArtifacts'][number];

/** The actions each status allows, as the lifecycle defines them. */
const lifecycle: Record<string, string[]> = {
  draft: ['propose'],
  proposed: ['accept', 'reject'],
  accepted: ['deprecate', 'supersede'],
};
const editable = ['draft', 'proposed'];

/** One decision: its facts, options, consequences, links, supersession chain and lifecycle. */
export function DecisionDetail() {
  const { id } = useParams<{ id: string }>();
  const nameOf = useNameOf();
  const canWrite = useCan('write');
  const decision = useQuery({
    queryKey: ['decision', id],
    queryFn: () => call('get', '/api/v1/decision-logs/{id}', { params: { id } }),
  });
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/decisions">Decisions</Link>
      </p>
      <Query query={decision} what="the decision">
        {(d) => (
          <>
            <div className="title-row">
              <h1>
                <span className="muted">{d.reference}</span> {d.title} <Status value={d.status} />
              </h1>
              <div className="actions">
                {canWrite ? (
                  <Link className="button" href={`/decisions/${d.id}/edit`}>
                    Edit{editable.includes(d.status) ? '' : ' links and tags'}
                  </Link>
                ) : null}
                <Link href={`/audit/decision_log/${d.id}`}>Audit history</Link>
              </div>
            </div>
            <Lifecycle decision={d} />
            <dl className="facts">
              <dt>Type</dt>
              <dd>{d.decisionType}</dd>
              <dt>Owner</dt>
              <dd>{d.decisionOwnerId ? nameOf(d.decisionOwnerId) : d.decisionOwner || '—'}</dd>
              <dt>Decided</dt>
              <dd>{d.decisionDate}</dd>
              {d.sprintRelease ? (
                <>
                  <dt>Sprint / release</dt>
                  <dd>{d.sprintRelease}</dd>
                </>
              ) : null}
              <dt>QA involved</dt>
              <dd>{d.involvedQa.length ? d.involvedQa.map(nameOf).join(', ') : 'nobody'}</dd>
              <dt>Impact and risk</dt>
              <dd>
                {d.impactRisk
                  ? `${d.impactRisk.level}${d.impactRisk.text ? `: ${d.impactRisk.text}` : ''}`
                  : '—'}
              </dd>
              <dt>Tags</dt>
              <dd>{d.tags.length ? d.tags.join(', ') : '—'}</dd>
              <dt>Updated</dt>
              <dd>
                <When at={d.updatedAt} />
              </dd>
            </dl>
            <Prose title="Context" text={d.context} />
            <Prose title="Decision" text={d.decision} />
            <Items title="Decision drivers" items={d.decisionDrivers} />
            <h2>Considered options</h2>
            {d.consideredOptions.length === 0 ? (
              <Empty>No options recorded.</Empty>
            ) : (
              <ol>
                {d.consideredOptions.map((option) => (
                  <li key={option.title}>
                    <strong>{option.title}</strong>
                    {option.description ? <p className="description">{option.description}</p> : null}
                    <Items title="Good, because" items={option.pros} small />
                    <Items title="Neutral, because" items={option.neutral} small />
                    <Items title="Bad, because" items={option.cons} small />
                  </li>
                ))}
              </ol>
            )}
            <h2>Consequences</h2>
            {d.consequences ? <p className="description">{d.consequences}</p> : null}
            <Items title="Good" items={d.consequencesGood} small />
            <Items title="Bad" items={d.consequencesBad} small />
            {!d.consequences && !d.consequencesGood.length && !d.consequencesBad.length ? (
              <Empty>No consequences recorded.</Empty>
            ) : null}
            <Prose title="Confirmation" text={d.confirmation} />
            <Prose title="More information" text={d.moreInformation} />
            <h2>Related artifacts</h2>
            {d.relatedArtifacts.length === 0 ? (
              <Empty>No links.</Empty>
            ) : (
              <ul>
                {d.relatedArtifacts.map((artifact) => (
                  <li key={JSON.stringify(artifact)}>
                    <ArtifactLink artifact={artifact} projectId={d.projectId} />
                  </li>
                ))}
              </ul>
            )}
            <Chain decision={d} />
          </>
        )}
      </Query>
    </main>
  );
}

function Prose(props: { title: string; text: string }) {
  if (!props.text) return null;
  return (
    <>
      <h2>{props.title}</h2>
      <p className="description">{props.text}</p>
    </>
  );
}

function Items(props: { title: string; items: string[]; small?: boolean }) {
  if (props.items.length === 0) return null;
  const Heading = props.small ? 'h4' : 'h2';
  return (
    <>
      <Heading>{props.title}</Heading>
      <ul>
        {props.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function ArtifactLink(props: { artifact: Artifact; projectId: string | null }) {
  const { artifact } = props;
  const label = artifact.title || artifact.type;
  switch (artifact.type) {
    case 'prd':
      return <PrdLink id={artifact.id} title={artifact.title} />;
    case 'decision':
      return <Link href={`/decisions/${artifact.id}`}>Decision: {label}</Link>;
    case 'project':
      return <Link href={`/projects/${artifact.id}`}>Project: {label}</Link>;
    case 'url':
      return (
        <a href={artifact.url} rel="noreferrer noopener" target="_blank">
          {artifact.title || artifact.url}
        </a>
      );
    case 'jira':
      return <span>Jira {artifact.key}</span>;
    default:
      return (
        <span>
          {artifact.type.replace(/_/g, ' ')}: {artifact.ref}
        </span>
      );
  }
}

/** A PRD by id: found across projects, so the link can name its project's route. */
function PrdLink(props: { id: string; title?: string }) {
  const prd = useQuery({
    queryKey: ['prd-by-id', props.id],
    queryFn: () => call('get', '/api/v1/prd-reviews/{id}', { params: { id: props.id } }),
  });
  return prd.data ? (
    <Link href={`/projects/${prd.data.projectId}/prds/${props.id}`}>
      PRD: {props.title || prd.data.title}
    </Link>
  ) : (
    <span>PRD: {props.title || props.id}</span>
  );
}

/** Where this decision stands in its supersession chain, oldest first. */
function Chain(props: { decision: Decision }) {
  const timeline = useQuery({
    queryKey: ['decisions', 'timeline'],
    queryFn: () => call('get', '/api/v1/decision-logs/timeline', { query: { limit: 200 } }),
  });
  const entries = timeline.data?.data ?? [];
  const entry = entries.find((candidate) => candidate.id === props.decision.id);
  const chain = entry?.chain ?? [props.decision.id];
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Supersession chain</h2>
      {chain.length <= 1 ? (
        <Empty>This decision neither supersedes nor is superseded by another.</Empty>
      ) : (
        <ol>
          {chain.map((id) => {
            const other = entries.find((candidate) => candidate.id === id);
            return (
              <li key={id}>
                {id === props.decision.id ? (
                  <strong>{other?.reference} (this decision)</strong>
                ) : (
                  <Link href={`/decisions/${id}`}>
                    {other?.reference} {other?.title}
                  </Link>
                )}{' '}
                {other ? <Status value={other.status} /> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Lifecycle(props: { decision: Decision }) {
  const client = useQueryClient();
  const canWrite = useCan('write');
  const canReview = useCan('review');
  const [reason, setReason] = useState('');
  const [replacement, setReplacement] = useState('');
  const accepted = useQuery({
    queryKey: ['decisions', 'accepted'],
    queryFn: () =>
      call('get', '/api/v1/decision-logs', { query: { 'filter[status]': 'accepted', limit: 100 } }),
    enabled: props.decision.status === 'accepted',
  });
  const act = useMutation({
    mutationFn: (action: string) =>
      call('post', `/api/v1/decision-logs/{id}/${action as 'accept'}`, {
        params: { id: props.decision.id },
        body: {
          reason: reason || undefined,
          version: props.decision.version,
          ...(action === 'supersede' ? { supersededBy: replacement } : {}),
        },
      }),
    onSuccess: () => {
      setReason('');
      void client.invalidateQueries({ queryKey: ['decision'] });
      void client.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
  // Proposing is contributing; accepting, rejecting and retiring are a reviewer's acts.
  const actions = (lifecycle[props.decision.status] ?? []).filter((action) =>
    action === 'propose' ? canWrite : canReview,
  );
  if (actions.length === 0) return null;
  const fields = fieldErrorsOf(act.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value) act.mutate(submitter.value);
  };
  return (
    <form className="panel inline-form" onSubmit={submit} noValidate aria-label="Lifecycle">
      <Field
        label="Reason (kept in the audit trail)"
        name="decision-reason"
        error={fieldError(fields, 'reason')}
      >
        <input
          {...inputProps('decision-reason', fieldError(fields, 'reason'))}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      {actions.includes('supersede') ? (
        <Field label="Superseded by" name="decision-superseded-by" error={fieldError(fields, 'supersededBy')}>
          <select
            {...inputProps('decision-superseded-by', fieldError(fields, 'supersededBy'))}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
          >
            <option value="">Choose an accepted decision…</option>
            {(accepted.data?.data ?? [])
              .filter((other) => other.id !== props.decision.id)
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.reference} {other.title}
                </option>
              ))}
          </select>
        </Field>
      ) : null}
      {actions.map((action) => (
        <button key={action} type="submit" value={action} disabled={act.isPending}>
          {action[0]?.toUpperCase()}
          {action.slice(1)}
        </button>
      ))}
      {Object.keys(fields).length ? null : <FormError error={act.error} />}
    </form>
  );
}
