import { useState } from 'react';
import { Link } from 'wouter';
import { TextField } from '../../components/fields';
import { Page, Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { entityHref } from './entities';
import { EventChanges, StateFact } from './field-changes';
import { toLocalInput } from './local-time';
import { useEntityAt, useEntityHistory } from './queries';

/** One entity's events with the fields each changed, and the entity as of any time. */
export function EntityHistory(props: { type: string; id: string }) {
  const nameOf = useNameOf();
  const [asOf, setAsOf] = useState('');
  const history = useEntityHistory(props.type, props.id);
  const state = useEntityAt(props.type, props.id, asOf);
  return (
    <Page
      crumbs={
        <>
          <Link href="/audit">Audit</Link> ›{' '}
          <Link href={entityHref(props.type, props.id, state.data?.state)}>
            {props.type.replace(/_/g, ' ')} {String(state.data?.state.title ?? state.data?.state.name ?? '')}
          </Link>
        </>
      }
    >
      <h1>History</h1>
      <div className="columns">
        <Section id="timeline" title="Timeline">
          <Query query={history} what="the history">
            {(page) =>
              page.data.length === 0 ? (
                <Empty>No events recorded for this entity.</Empty>
              ) : (
                <ol className="activity">
                  {page.data.map((event) => (
                    <li key={event.id} className="comment">
                      <p>
                        <strong>{event.eventType}</strong> by {nameOf(event.userId)}{' '}
                        <When at={event.occurredAt} />{' '}
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
        <Section id="as-of" title="As of">
          <div className="inline-form">
            <TextField
              label="Show the entity as it was at"
              name="as-of"
              type="datetime-local"
              step="0.001"
              value={asOf}
              onChange={setAsOf}
            />
            <button type="button" onClick={() => setAsOf('')} disabled={!asOf}>
              Now
            </button>
          </div>
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
        </Section>
      </div>
    </Page>
  );
}
