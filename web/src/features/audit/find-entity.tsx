import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { call } from '../../api/client';
import { TextField } from '../../components/fields';
import { ProjectName } from './entity-name';
import { typeLabel } from './labels';
import { auditKeys } from './queries';

/** Finds an item's history by its name: titles that start like what was typed, as links. */
export function FindEntity() {
  const [typed, setTyped] = useState('');
  const q = typed.trim();
  const suggestions = useQuery({
    queryKey: auditKeys.find(q),
    queryFn: () => call('get', '/api/v1/search/suggest', { query: { q, limit: 8 } }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const titles = suggestions.data?.titles ?? [];
  return (
    <search className="find-entity" aria-label="Find an item's history">
      <TextField
        label="Find an item by name"
        name="audit-find"
        type="search"
        value={typed}
        onChange={setTyped}
        placeholder="A project, PRD or decision…"
        autoComplete="off"
      />
      {q.length < 2 ? null : suggestions.isPending ? (
        <p className="muted">Looking…</p>
      ) : suggestions.error ? (
        <p className="error">Could not look that up.</p>
      ) : titles.length === 0 ? (
        <p className="muted">Nothing named like “{q}”.</p>
      ) : (
        <ul className="suggestions" aria-label="Matching items">
          {titles.map((title) => (
            <li key={`${title.type}:${title.id}`}>
              <Link href={`/audit/${title.type}/${title.id}`}>{title.text}</Link>{' '}
              <span className="muted">
                {typeLabel(title.type)}
                {title.projectId ? (
                  <>
                    {' · '}
                    <ProjectName id={title.projectId} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
