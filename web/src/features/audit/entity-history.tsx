import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { TextField } from '../../components/fields';
import { Page, Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { entityHref } from './entities';
import { ProjectName } from './entity-name';
import { type EntitySummary, useEntitySummary } from './entity-summary';
import { EventChanges, StateFact } from './field-changes';
import { eventLabel, typeLabel } from './labels';
import { toLocalInput } from './local-time';
import { useEntityAt, useEntityHistory } from './queries';

/** One item's events with the fields each changed, and the item as of any time; a deleted one says when. */
export function EntityHistory(props: { type: string; id: string }) {
  const nameOf = useNameOf();
  const [asOf, setAsOf] = useState('');
  const history = useEntityHistory(props.type, props.id);
  const summary = useEntitySummary(props.type, props.id);
  const kind = typeLabel(props.type);
  return (
    <Page
      crumbs={
        <>
          <Link href="/audit">Audit</Link> ›{' '}
          {summary.deletedAt ? (
            `${kind} ${summary.name}`
          ) : (
            <Link href={entityHref(props.type, props.id, summary.state)}>
              {kind} {summary.name}
            </Link>
          )}
        </>
      }
    >
      <h1>History of {summary.name}</h1>
      <p className="muted">
        {kind} · Project: <ProjectName id={summary.projectId} />
        {summary.deletedAt ? (
          <>
            {' '}
            · deleted on <When at={summary.deletedAt} />
          </>
        ) : null}
      </p>
      <div className="columns">
        <Section id="timeline" title="Timeline">
          <Query query={history} what="the history">
            {(page) =>
              page.data.length === 0 ? (
                <Empty>No events recorded for this item.</Empty>
              ) : (
                <ol className="activity">
                  {page.data.map((event) => (
                    <li key={event.id} className="comment">
                      <p>
                        <strong>{eventLabel(event.eventType)}</strong> by {nameOf(event.userId)}{' '}
                        <When at={event.occurredAt} /> <code className="muted">{event.eventType}</code>{' '}
                        <button type="button" onClick={() => setAsOf(toLocalInput(String(event.occurredAt)))}>
                          As of this change
                        </button>
                      </p>
                      <EventChanges event={event} />
                    </li>
                  ))}
                </ol>
              )
            }
          </Query>
        </Section>
        <AsOf type={props.type} id={props.id} asOf={asOf} setAsOf={setAsOf} summary={summary} />
      </div>
    </Page>
  );
}

/** The item as it was at a chosen time; when it did not exist then, said so instead of an error. */
function AsOf(props: {
  type: string;
  id: string;
  asOf: string;
  setAsOf: (value: string) => void;
  summary: EntitySummary;
}) {
  const state = useEntityAt(props.type, props.id, props.asOf);
  const missing = state.error instanceof ApiError && state.error.status === 404;
  return (
    <Section id="as-of" title="As of">
      <div className="inline-form">
        <TextField
          label="Show the entity as it was at"
          name="as-of"
          type="datetime-local"
          step="0.001"
          value={props.asOf}
          onChange={props.setAsOf}
        />
        <button type="button" onClick={() => props.setAsOf('')} disabled={!props.asOf}>
          Now
        </button>
      </div>
      {missing ? (
        <Empty>
          {props.summary.deletedAt && !props.asOf ? (
            <>
              Deleted on <When at={props.summary.deletedAt} />. Pick an earlier time to see it as it was.
            </>
          ) : props.asOf ? (
            'It did not exist at that time.'
          ) : (
            'The audit trail holds no state for this item, only its events.'
          )}
        </Empty>
      ) : (
        <Query query={state} what="the entity at that time">
          {(entity) => (
            <section aria-label="Entity state">
              <p className="muted">
                Version {entity.version} as of <When at={entity.at} />
              </p>
              <dl className="facts">
                {Object.entries(entity.state).map(([field, value]) => (
                  <StateFact key={field} field={field} value={value} />
                ))}
              </dl>
            </section>
          )}
        </Query>
      )}
    </Section>
  );
}
