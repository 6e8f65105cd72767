import { messageOf } from '../../api/client';
import { useTestConnection } from './settings-queries';
import type { Connection } from './types';

/** "Test connection", then who the token belongs to and its scopes, or the exact error the source gave. */
export function ConnectionTestResult(props: { connection: Connection }) {
  const test = useTestConnection();
  const answer = test.data;
  return (
    <>
      <button
        type="button"
        onClick={() => test.mutate(props.connection.id)}
        disabled={test.isPending}
        aria-label={`Test connection ${props.connection.name}`}
      >
        Test connection
      </button>
      <span role="status" className="connection-test">
        {test.isPending ? 'Testing…' : null}
        {test.error ? <span className="error">{messageOf(test.error)}</span> : null}
        {answer?.ok ? (
          <span className="ok">
            Connected as {answer.user ?? 'an unnamed account'}
            {answer.scopes?.length ? ` (scopes: ${answer.scopes.join(', ')})` : ''}
          </span>
        ) : null}
        {answer && !answer.ok ? (
          <span className="error">{answer.error ?? 'The source refused the token.'}</span>
        ) : null}
      </span>
    </>
  );
}
