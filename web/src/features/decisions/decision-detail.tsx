import { Link, useParams } from 'wouter';
import { DownloadButton } from '../../components/download-button';
import { Page } from '../../components/layout';
import { Empty, Query, Status, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { useProjectChoices } from '../projects/queries';
import { useCan } from '../session/permissions';
import { ConsideredOptions } from './considered-options';
import { DecisionLifecycle } from './decision-lifecycle';
import { bodyEditable } from './lifecycle';
import { type Decision, useDecision } from './queries';
import { RelatedArtifacts } from './related-artifacts';
import { SupersessionChain } from './supersession-chain';

/** One decision: its facts, options, consequences, links, supersession chain and lifecycle. */
export function DecisionDetail() {
  const { id } = useParams<{ id: string }>();
  const canWrite = useCan('write');
  const decision = useDecision(id);
  return (
    <Page crumbs={<Link href="/decisions">Decisions</Link>}>
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
                    Edit{bodyEditable(d.status) ? '' : ' links and tags'}
                  </Link>
                ) : null}
                <DecisionLifecycle decision={d} />
                <DownloadButton
                  label="Export MADR"
                  path="/api/v1/decision-logs/{id}/export"
                  params={{ id: d.id }}
                  query={{ format: 'madr' }}
                  fileName={`${d.reference}.md`}
                />
                <Link href={`/audit/decision_log/${d.id}`}>Audit history</Link>
              </div>
            </div>
            <DecisionFacts decision={d} />
            <Prose title="Context" text={d.context} />
            <Prose title="Decision" text={d.decision} />
            <Items title="Decision drivers" items={d.decisionDrivers} />
            <ConsideredOptions decision={d} />
            <h2>Consequences</h2>
            {d.consequences ? <p className="description">{d.consequences}</p> : null}
            <Items title="Good" items={d.consequencesGood} small />
            <Items title="Bad" items={d.consequencesBad} small />
            {!d.consequences && !d.consequencesGood.length && !d.consequencesBad.length ? (
              <Empty>No consequences recorded.</Empty>
            ) : null}
            <Prose title="Confirmation" text={d.confirmation} />
            <Prose title="More information" text={d.moreInformation} />
            <RelatedArtifacts decision={d} />
            <SupersessionChain decision={d} />
          </>
        )}
      </Query>
    </Page>
  );
}

function DecisionFacts(props: { decision: Decision }) {
  const d = props.decision;
  const nameOf = useNameOf();
  const projects = useProjectChoices();
  const projectName = (id: string) =>
    projects.data?.data.find((project) => project.id === id)?.name ?? 'Project';
  return (
    <dl className="facts">
      <dt>Project</dt>
      <dd>
        {d.projectId ? (
          <Link href={`/projects/${d.projectId}`}>{projectName(d.projectId)}</Link>
        ) : (
          'Workspace-wide'
        )}
      </dd>
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
        {d.impactRisk ? `${d.impactRisk.level}${d.impactRisk.text ? `: ${d.impactRisk.text}` : ''}` : '—'}
      </dd>
      <dt>Tags</dt>
      <dd>{d.tags.length ? d.tags.join(', ') : '—'}</dd>
      <dt>Updated</dt>
      <dd>
        <When at={d.updatedAt} />
      </dd>
    </dl>
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
