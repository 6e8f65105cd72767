import { useState } from 'react';
import { Section } from '../../components/layout';
import { Empty, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { EditConsumerForm, NewConsumerForm } from './consumer-form';
import { PactUpload } from './pact-upload';
import { type Consumer, type ContractKey, useConsumers } from './queries';

/**
 * Who calls the API and which operations: each later upload names the consumers every ERR and WARN
 * change affects. Consumers are added by hand or told by a Pact file.
 */
export function ConsumersSection(props: { contractKey: ContractKey }) {
  const consumers = useConsumers(props.contractKey);
  const canWrite = useCan('write');
  const [adding, setAdding] = useState(false);
  return (
    <Section id="consumers" title="Consumers">
      <Query query={consumers} what="consumers">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No consumers registered: changes cannot be matched to the clients they affect.</Empty>
          ) : (
            <ul className="cards consumers" aria-label="Consumers">
              {page.data.map((consumer) => (
                <ConsumerCard
                  key={consumer.id}
                  contractKey={props.contractKey}
                  consumer={consumer}
                  canWrite={canWrite}
                />
              ))}
            </ul>
          )
        }
      </Query>
      {canWrite && adding ? (
        <div className="panel">
          <NewConsumerForm
            contractKey={props.contractKey}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      {canWrite && !adding ? (
        <p className="actions">
          <button type="button" onClick={() => setAdding(true)}>
            Add a consumer
          </button>
        </p>
      ) : null}
    </Section>
  );
}

function ConsumerCard(props: { contractKey: ContractKey; consumer: Consumer; canWrite: boolean }) {
  const { consumer } = props;
  const [editing, setEditing] = useState(false);
  const headingId = `consumer-${consumer.id}-heading`;
  return (
    <li aria-labelledby={headingId}>
      <h3 id={headingId}>{consumer.name}</h3>
      <p className="muted">
        {consumer.contact ? `Contact: ${consumer.contact} · ` : ''}
        {consumer.source === 'pact' ? (
          <>
            from its Pact file, <When at={consumer.pactUploadedAt} />
          </>
        ) : (
          'registered by hand'
        )}
      </p>
      <UsedOperations operations={consumer.uses.operations} />
      {props.canWrite && editing ? (
        <EditConsumerForm
          contractKey={props.contractKey}
          consumer={consumer}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {props.canWrite && !editing ? (
        <div className="consumer-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit {consumer.name}
          </button>
          <PactUpload contractKey={props.contractKey} consumer={consumer} />
        </div>
      ) : null}
    </li>
  );
}

/** The operations a consumer calls, folded when there are many. */
function UsedOperations(props: { operations: string[] }) {
  const { operations } = props;
  if (operations.length === 0)
    return <p className="muted">No operations listed: it is affected by nothing.</p>;
  const list = (
    <ul className="operations">
      {operations.map((operation) => (
        <li key={operation}>
          <code>{operation}</code>
        </li>
      ))}
    </ul>
  );
  if (operations.length <= 5) return list;
  return (
    <details>
      <summary>{operations.length} operations</summary>
      {list}
    </details>
  );
}
