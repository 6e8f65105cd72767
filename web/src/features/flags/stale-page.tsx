import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, When } from '../../components/ui';
import { FlagCrumbs } from './crumbs';
import { useStaleFlags } from './queries';
import type { StaleFlag } from './types';

const reasonText: Record<StaleFlag['reasons'][number], string> = {
  'fully-rolled-out': 'fully rolled out',
  unused: 'not evaluated lately',
  'past-removal-date': 'past its removal date',
};

/** Flags that have done their work, why each is stale, and where the code still reads it. */
export function StalePage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [unusedDays, setUnusedDays] = useState('30');
  const stale = useStaleFlags(projectId, Number(unusedDays));
  return (
    <Page crumbs={<FlagCrumbs projectId={projectId} inFlags />}>
      <h1>Stale flags</h1>
      <p className="muted">
        Candidates for removal: fully rolled out, unused for a while, or past the date their owner set. Code
        references come from the last scan (<code>PUT …/flags/code-references</code>).
      </p>
      <FilterBar label="Stale flag settings">
        <SelectFilter
          label="Unused for"
          value={unusedDays}
          onChange={setUnusedDays}
          choices={['7', '14', '30', '60', '90'].map((days) => ({ value: days, label: `${days} days` }))}
        />
      </FilterBar>
      <CursorList
        list={stale}
        what="stale flags"
        empty={<Empty>No stale flags: every flag is still in use.</Empty>}
      >
        {(rows) => (
          <ListTable
            caption="Stale flags"
            columns={['Flag', 'Why', 'Removal date', 'Last evaluated', 'Code references']}
          >
            {rows.map((flag) => (
              <tr key={flag.key}>
                <td>
                  <Link href={`/projects/${projectId}/flags/${encodeURIComponent(flag.key)}`}>
                    <code>{flag.key}</code>
                  </Link>
                </td>
                <td>
                  {flag.reasons.map((reason) => (
                    <span key={reason} className="status flag-stale-mark">
                      {reasonText[reason]}
                    </span>
                  ))}
                </td>
                <td>{flag.removalDate ?? '—'}</td>
                <td>
                  <When at={flag.lastEvaluatedAt} />
                </td>
                <td>
                  {flag.codeReferences.length === 0 ? (
                    <span className="muted">none found</span>
                  ) : (
                    <ul className="flag-code-references">
                      {flag.codeReferences.map((reference) => (
                        <li key={`${reference.path}:${reference.line}`}>
                          <code>
                            {reference.path}:{reference.line}
                          </code>
                          {reference.excerpt ? <span className="muted"> {reference.excerpt}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Page>
  );
}
