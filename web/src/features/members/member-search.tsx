import { useId, useState } from 'react';
import { useMembers } from './queries';

/**
 * Chooses several workspace members by typing part of a name or email: matching members are listed
 * as buttons to add, the chosen ones as buttons to remove. Values are user ids. Keyboard: type,
 * Tab to a match, Enter to add it.
 */
export function MemberSearch(props: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Members who cannot be chosen (already reviewing, the author…). */
  exclude?: string[];
}) {
  const members = useMembers({ current: true });
  const [text, setText] = useState('');
  const inputId = useId();
  const listId = useId();
  const all = members.data?.data ?? [];
  const wanted = text.trim().toLowerCase();
  const matches = all
    .filter((member) => !props.value.includes(member.user.id) && !props.exclude?.includes(member.user.id))
    .filter(
      (member) =>
        !wanted ||
        member.user.displayName.toLowerCase().includes(wanted) ||
        member.user.email.toLowerCase().includes(wanted),
    )
    .slice(0, 8);
  const chosen = props.value.map((id) => all.find((member) => member.user.id === id));
  return (
    <div className="field member-search">
      <label htmlFor={inputId}>{props.label}</label>
      {chosen.length ? (
        <ul className="member-chips" aria-label="Chosen">
          {chosen.map((member, index) => (
            <li key={props.value[index]}>
              <button
                type="button"
                aria-label={`Remove ${member?.user.displayName ?? props.value[index]}`}
                onClick={() => props.onChange(props.value.filter((id) => id !== props.value[index]))}
              >
                {member?.user.displayName ?? props.value[index]} ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={inputId}
        type="search"
        autoComplete="off"
        placeholder="Type a name or email"
        aria-controls={listId}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ul id={listId} className="member-matches" aria-label="Matching members">
        {members.isPending ? <li className="muted">Loading members…</li> : null}
        {members.error ? <li className="error">The members could not be loaded.</li> : null}
        {members.data && matches.length === 0 ? <li className="muted">No member matches.</li> : null}
        {wanted || all.length <= 8
          ? matches.map((member) => (
              <li key={member.user.id}>
                <button
                  type="button"
                  onClick={() => {
                    props.onChange([...props.value, member.user.id]);
                    setText('');
                  }}
                >
                  {member.user.displayName} <span className="muted">{member.user.email}</span>
                </button>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
