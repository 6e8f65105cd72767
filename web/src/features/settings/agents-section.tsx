import { bindFields, TextField } from '../../components/fields';
import { Form, fieldErrorsOf } from '../../components/forms';
import { Section } from '../../components/layout';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useAgents, useCreateAgent } from './queries';

/** The workspace's agents; an administrator adds them (they act through tokens made for them). */
export function AgentsSection(props: { administer: boolean }) {
  const [values, set] = useValues({ name: '' });
  const agents = useAgents();
  const create = useCreateAgent();
  const fields = fieldErrorsOf(create.error);
  const submit = () => {
    create.mutate(values.name, { onSuccess: () => set('name')('') });
  };
  const field = bindFields({ values, set, error: create.error, prefix: 'agent' });
  return (
    <Section id="agents" title="Agents">
      {props.administer ? (
        <Form className="inline-form" onSubmit={submit} aria-label="Add an agent">
          <TextField label="Agent name" {...field('name')} />
          <button type="submit" disabled={create.isPending}>
            Add agent
          </button>
          {fields.name ? null : <FormError error={create.error} />}
        </Form>
      ) : null}
      <Query query={agents} what="agents">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No agents. Agents act through API tokens an admin creates for them.</Empty>
          ) : (
            <ul className="cards">
              {page.data.map((agent) => (
                <li key={agent.user.id}>
                  {agent.user.displayName} <span className="muted">{agent.role}</span> added{' '}
                  <When at={agent.joinedAt} />
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}
