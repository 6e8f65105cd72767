import { useState } from 'react';
import { TextAreaField, TextField } from '../../components/fields';
import {
  Form,
  fieldError,
  fieldErrorsOf,
  hasGeneralError,
  SubmitOrCancel,
  splitLines,
} from '../../components/forms';
import { FormError } from '../../components/ui';
import { useFindingSets } from '../findings/queries';
import { useTestRuns } from '../test-evidence/queries';
import { useAddEvidence } from './queries';

const noRunFilters = { branch: '', status: 'imported', q: '' };
const noSetFilters = { tool: '', stream: '' };

/**
 * Attaches evidence as the holder (or an admin): commits a line each, the merge request, and test
 * runs and finding sets picked from the project's latest. The API appends and ignores duplicates.
 */
export function EvidenceForm(props: { projectId: string; taskId: string; onDone: () => void }) {
  const [commits, setCommits] = useState('');
  const [mergeRequestUrl, setMergeRequestUrl] = useState('');
  const [runIds, setRunIds] = useState<string[]>([]);
  const [setIds, setSetIds] = useState<string[]>([]);
  const runs = useTestRuns(props.projectId, noRunFilters);
  const sets = useFindingSets(props.projectId, noSetFilters);
  const add = useAddEvidence(props.projectId, props.taskId);
  const errors = fieldErrorsOf(add.error);
  const recentRuns = runs.data?.pages[0]?.data ?? [];
  const recentSets = sets.data?.pages[0]?.data ?? [];
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  return (
    <Form
      className="panel"
      aria-label="Attach evidence"
      onSubmit={() =>
        add.mutate(
          {
            commits: splitLines(commits),
            ...(mergeRequestUrl.trim() ? { mergeRequestUrl: mergeRequestUrl.trim() } : {}),
            testRunIds: runIds,
            findingSetIds: setIds,
          },
          { onSuccess: props.onDone },
        )
      }
    >
      <TextAreaField
        label="Commits"
        name="evidence-commits"
        value={commits}
        onChange={setCommits}
        rows={2}
        hint="One SHA a line"
        error={fieldError(errors, 'commits')}
      />
      <TextField
        label="Merge request URL"
        name="evidence-mr"
        type="url"
        value={mergeRequestUrl}
        onChange={setMergeRequestUrl}
        error={fieldError(errors, 'mergeRequestUrl')}
      />
      {recentRuns.length ? (
        <fieldset>
          <legend>Test runs</legend>
          {recentRuns.map((run) => (
            <label key={run.id} className="check">
              <input
                type="checkbox"
                checked={runIds.includes(run.id)}
                onChange={(event) => setRunIds(toggle(runIds, run.id, event.target.checked))}
              />{' '}
              {run.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {recentSets.length ? (
        <fieldset>
          <legend>Finding sets</legend>
          {recentSets.map((set) => (
            <label key={set.id} className="check">
              <input
                type="checkbox"
                checked={setIds.includes(set.id)}
                onChange={(event) => setSetIds(toggle(setIds, set.id, event.target.checked))}
              />{' '}
              {set.tool} ({set.stream}
              {set.commitSha ? ` at ${set.commitSha.slice(0, 8)}` : ''})
            </label>
          ))}
        </fieldset>
      ) : null}
      {hasGeneralError(add.error, ['commits', 'mergeRequestUrl']) ? <FormError error={add.error} /> : null}
      <SubmitOrCancel label="Attach" pending={add.isPending} onCancel={props.onDone} />
    </Form>
  );
}
