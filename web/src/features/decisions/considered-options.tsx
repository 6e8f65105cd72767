import { Empty } from '../../components/ui';
import type { Decision } from './queries';

type Option = Decision['consideredOptions'][number];

/**
 * The option the decision chose: the one its outcome quotes, as MADR writes it (`Chosen option:
 * "OpenAPI 3.1", because …`), else the one whose title the outcome names first.
 */
export function chosenOption(decision: Decision): Option | undefined {
  const quoted = /chosen option:?\s*[“"']([^”"']+)[”"']/i.exec(decision.decision)?.[1]?.trim();
  const options = decision.consideredOptions;
  if (quoted) {
    const match = options.find((option) => option.title.trim().toLowerCase() === quoted.toLowerCase());
    if (match) return match;
  }
  const text = decision.decision.toLowerCase();
  const named = options
    .map((option) => ({ option, at: option.title ? text.indexOf(option.title.toLowerCase()) : -1 }))
    .filter((candidate) => candidate.at >= 0)
    .sort((a, b) => a.at - b.at);
  return named[0]?.option;
}

/** The options the decision weighed, the chosen one marked, each with its arguments. */
export function ConsideredOptions(props: { decision: Decision }) {
  const { decision } = props;
  const chosen = chosenOption(decision);
  return (
    <>
      <h2>Considered options</h2>
      {decision.consideredOptions.length === 0 ? (
        <Empty>No options recorded.</Empty>
      ) : (
        <ol className="considered-options">
          {decision.consideredOptions.map((option) => (
            <li key={option.title} className={option === chosen ? 'chosen' : undefined}>
              <strong>{option.title}</strong>
              {option === chosen ? <span className="status status-accepted">Chosen</span> : null}
              {option.description ? <p className="description">{option.description}</p> : null}
              <Arguments title="Good, because" items={option.pros} />
              <Arguments title="Neutral, because" items={option.neutral} />
              <Arguments title="Bad, because" items={option.cons} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Arguments(props: { title: string; items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h4>{props.title}</h4>
      <ul>
        {props.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
