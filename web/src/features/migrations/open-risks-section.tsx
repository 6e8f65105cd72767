import { useEffect, useRef, useState } from 'react';
import { CursorList } from '../../components/cursor-list';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Status, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { type MigrationRisk, useOpenLintRisks, useResolveRisk, useRulesById } from './queries';

/** The risks the linter recorded that nobody has resolved, each with a "Mark resolved" action. */
export function OpenRisksSection(props: { projectId: string }) {
  const risks = useOpenLintRisks(props.projectId);
  const rules = useRulesById();
  const canWrite = useCan('write');
  return (
    <Section id="open-risks" title="Open lint risks">
      <CursorList list={risks} what="open risks" empty={<Empty>No open lint risks.</Empty>}>
        {(rows) => (
          <ListTable
            stacked
            caption="Open lint risks, newest first"
            columns={['Rule', 'Where', 'Severity', 'Detected', ...(canWrite ? ['Action'] : [])]}
          >
            {rows.map((risk) => (
              <tr key={risk.id}>
                <td data-label="Rule">
                  {rules.get(risk.ruleId ?? '')?.title ?? risk.ruleId}{' '}
                  <code className="rule-id">{risk.ruleId}</code>
                </td>
                <td data-label="Where">
                  <code>
                    {risk.migrationFile}
                    {risk.line ? `:${risk.line}` : ''}
                  </code>
                </td>
                <td data-label="Severity">{risk.severity ? <Status value={risk.severity} /> : '—'}</td>
                <td data-label="Detected">
                  <When at={risk.detectedAt ?? risk.createdAt} />
                </td>
                {canWrite ? (
                  <td data-label="Action">
                    <ResolveRisk projectId={props.projectId} risk={risk} />
                  </td>
                ) : null}
              </tr>
            ))}
          </ListTable>
        )}
      </CursorList>
    </Section>
  );
}

/** "Mark resolved", then a confirmation naming the risk, so that one stray click changes nothing. */
function ResolveRisk(props: { projectId: string; risk: MigrationRisk }) {
  const [confirming, setConfirming] = useState(false);
  const resolve = useResolveRisk(props.projectId);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const focusStart = useRef(false);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
    else if (focusStart.current) start.current?.focus();
  }, [confirming]);
  const cancel = () => {
    focusStart.current = true;
    setConfirming(false);
  };
  if (!confirming)
    return (
      <button type="button" ref={start} onClick={() => setConfirming(true)}>
        Mark resolved
      </button>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form's fieldset
    <div className="confirm" role="group" aria-label={`Resolve ${props.risk.name}`}>
      <span>Resolve {props.risk.name}?</span>{' '}
      <button
        type="button"
        ref={confirm}
        className="primary"
        disabled={resolve.isPending}
        onClick={() => resolve.mutate(props.risk)}
      >
        Yes, mark resolved
      </button>{' '}
      <button type="button" onClick={cancel} disabled={resolve.isPending}>
        Cancel
      </button>
      <FormError error={resolve.error} />
    </div>
  );
}
