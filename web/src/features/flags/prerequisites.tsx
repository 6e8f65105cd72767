import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Form } from '../../components/forms';
import { Section } from '../../components/layout';
import { FormError } from '../../components/ui';
import { Labelled } from './constraints-editor';
import type { ChainEdge } from './graph-layout';
import { PrerequisiteGraph } from './prerequisite-graph';
import { fetchFlag, flagKeys, useFlags, useSavePrerequisites } from './queries';
import type { FlagDetail, Prerequisite } from './types';
import { replaced, without } from './values';

/** At most this many flags are read to draw the chain, however long it is. */
const chainLimit = 30;

/**
 * The flags this one needs, each with the value it must evaluate to, and the chain they form. The
 * API refuses (409) a set that would close a cycle, naming it; the message shows here as it comes.
 */
export function PrerequisitesSection(props: { projectId: string; flag: FlagDetail; canWrite: boolean }) {
  const { flag } = props;
  const [draft, setDraft] = useState(() =>
    flag.prerequisites.map((item) => ({ ...item, value: String(item.value) })),
  );
  const save = useSavePrerequisites(props.projectId, flag.key);
  const flags = useFlags(props.projectId);
  const otherKeys = (flags.data?.pages.flatMap((page) => page.data) ?? [])
    .map((other) => other.key)
    .filter((key) => key !== flag.key);
  const chain = usePrerequisiteChain(props.projectId, flag);
  const submit = () =>
    save.mutate(
      draft
        .filter((item) => item.flagKey.trim())
        .map((item) => ({ flagKey: item.flagKey.trim(), value: readValue(item.value) })),
    );
  return (
    <Section id="flag-prerequisites" title="Prerequisites">
      <PrerequisiteGraph root={flag.key} edges={chain} />
      <Form onSubmit={submit} aria-label="Prerequisites">
        <datalist id="prerequisite-flags">
          {otherKeys.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        {draft.length === 0 ? (
          <p className="muted">No prerequisites: the flag depends on no other flag.</p>
        ) : null}
        {draft.map((item, index) => (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={index}
            className="flag-prerequisite"
          >
            <legend className="visually-hidden">Prerequisite {index + 1}</legend>
            <Labelled id={`prerequisite-${index}-flag`} label="Flag needed">
              <input
                id={`prerequisite-${index}-flag`}
                list="prerequisite-flags"
                value={item.flagKey}
                onChange={(event) =>
                  setDraft(replaced(draft, index, { ...item, flagKey: event.target.value }))
                }
                disabled={!props.canWrite}
              />
            </Labelled>
            <Labelled id={`prerequisite-${index}-value`} label="Must evaluate to">
              <input
                id={`prerequisite-${index}-value`}
                value={item.value}
                onChange={(event) => setDraft(replaced(draft, index, { ...item, value: event.target.value }))}
                disabled={!props.canWrite}
              />
            </Labelled>
            {props.canWrite ? (
              <button
                type="button"
                onClick={() => setDraft(without(draft, index))}
                aria-label={`Remove prerequisite ${index + 1}`}
              >
                Remove
              </button>
            ) : null}
          </fieldset>
        ))}
        <FormError error={save.error} />
        {props.canWrite ? (
          <p className="actions">
            <button type="button" onClick={() => setDraft([...draft, { flagKey: '', value: 'true' }])}>
              Add prerequisite
            </button>
            <button type="submit" className="primary" disabled={save.isPending}>
              Save prerequisites
            </button>
          </p>
        ) : null}
      </Form>
    </Section>
  );
}

/** `true` / `false` as booleans, numbers as numbers, anything else as a variant value. */
function readValue(text: string): Prerequisite['value'] {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === '') return true;
  if (trimmed === 'false') return false;
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * The prerequisite chain below a flag, as edges: its own prerequisites, then theirs, read flag by
 * flag as their details arrive (each render reads one level further, until no new flag appears).
 */
function usePrerequisiteChain(projectId: string, flag: FlagDetail): ChainEdge[] {
  const [known, setKnown] = useState<string[]>([]);
  const details = useQueries({
    queries: known.map((key) => ({
      queryKey: flagKeys.flag(projectId, key),
      queryFn: () => fetchFlag(projectId, key),
      retry: false,
    })),
  });
  const byKey = new Map<string, FlagDetail>([[flag.key, flag]]);
  for (const detail of details) if (detail.data) byKey.set(detail.data.key, detail.data);
  const edges: ChainEdge[] = [];
  const wanted: string[] = [];
  const seen = new Set<string>();
  const queue = [flag.key];
  while (queue.length) {
    const key = queue.shift() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const detail = byKey.get(key);
    if (!detail) {
      if (key !== flag.key) wanted.push(key);
      continue;
    }
    for (const item of detail.prerequisites) {
      edges.push({ from: key, to: item.flagKey, value: item.value });
      queue.push(item.flagKey);
    }
  }
  const missing = wanted
    .filter((key) => !known.includes(key))
    .slice(0, Math.max(0, chainLimit - known.length));
  const missingText = missing.join(' ');
  useEffect(() => {
    if (missingText) setKnown((current) => [...new Set([...current, ...missingText.split(' ')])]);
  }, [missingText]);
  return edges;
}
