import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf, hasGeneralError } from '../../components/forms';
import { Section } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useDisableCheck, useDisabledChecks, useEnableCheck, useReadinessChecks } from './rules-queries';
import { SettingsPage } from './settings-layout';

type Check = NonNullable<ReturnType<typeof useReadinessChecks>['data']>['data'][number];

/** Checks the workspace turned off for every project, with why; re-enabling makes them count again. */
export function ReadinessChecksSettings() {
  const administer = useCan('administer');
  const checks = useReadinessChecks();
  const disabled = useDisabledChecks();
  const enable = useEnableCheck();
  const titleOf = (id: string) => checks.data?.data.find((check) => check.id === id)?.title ?? id;
  return (
    <SettingsPage
      title="Readiness checks"
      intro="A disabled check does not count in any project's readiness. Say why, so others can judge it."
    >
      {administer ? (
        <Query query={checks} what="the checks">
          {(all) => (
            <DisableForm
              checks={all.data}
              disabledIds={(disabled.data?.data ?? []).map((row) => row.checkId)}
            />
          )}
        </Query>
      ) : null}
      <Section id="disabled-checks" title="Disabled checks">
        <FormError error={enable.error} />
        <Query query={disabled} what="disabled checks">
          {(page) =>
            page.data.length === 0 ? (
              <Empty>Every check counts: none is disabled.</Empty>
            ) : (
              <ListTable columns={['Check', 'Why', 'Since', ...(administer ? ['Re-enable'] : [])]}>
                {page.data.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {titleOf(row.checkId)} <code className="muted">{row.checkId}</code>
                    </td>
                    <td>{row.reason}</td>
                    <td>
                      <When at={row.createdAt} />
                    </td>
                    {administer ? (
                      <td>
                        <button
                          type="button"
                          onClick={() => enable.mutate(row.id)}
                          disabled={enable.isPending}
                        >
                          Re-enable<span className="visually-hidden"> {titleOf(row.checkId)}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </ListTable>
            )
          }
        </Query>
      </Section>
    </SettingsPage>
  );
}

function DisableForm(props: { checks: Check[]; disabledIds: string[] }) {
  const disable = useDisableCheck();
  const [checkId, setCheckId] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(disable.error);
  const choices = props.checks
    .filter((check) => !props.disabledIds.includes(check.id))
    .map((check) => ({ value: check.id, label: `${check.area}: ${check.title} (${check.level})` }));
  const submit = () =>
    disable.mutate(
      { checkId, reason },
      {
        onSuccess: () => {
          setCheckId('');
          setReason('');
        },
      },
    );
  return (
    <Form onSubmit={submit} aria-label="Disable a check">
      <SelectField
        label="Check"
        name="disable-check"
        none="Choose a check…"
        choices={choices}
        value={checkId}
        onChange={setCheckId}
        error={fieldError(errors, 'checkId')}
      />
      <TextField
        label="Why it does not matter here"
        name="disable-reason"
        value={reason}
        onChange={setReason}
        error={fieldError(errors, 'reason')}
      />
      <button type="submit" disabled={disable.isPending}>
        Disable check
      </button>
      {hasGeneralError(disable.error, ['checkId', 'reason']) ? <FormError error={disable.error} /> : null}
    </Form>
  );
}
