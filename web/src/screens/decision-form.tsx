import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { call, type RequestBody, type ResponseOf } from '../api/client';
import { fieldError, fieldErrorsOf, splitList } from '../components/forms';
import { Field, FormError, inputProps, Query } from '../components/ui';
import { useMembers } from '../people';

type Decision = ResponseOf<'/api/v1/decision-logs/{id}', 'get'>;
type Create = RequestBody<'/api/v1/decision-logs', 'post'>;
interface OptionDraft {
  title: string;
  description: string;
  pros: string;
  neutral: string;
  cons: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const today = () => new Date().toISOString().slice(0, 10);

/** Creates a decision (/decisions/new) or edits one (/decisions/:id/edit). */
export function DecisionForm() {
  const params = useParams<{ id?: string }>();
  const existing = useQuery({
    queryKey: ['decision', params.id],
    queryFn: () => call('get', '/api/v1/decision-logs/{id}', { params: { id: params.id ?? '' } }),
    enabled: Boolean(params.id),
  });
  return (
    <main className="page">
      <p className="crumbs">
        <Link href="/decisions">Decisions</Link>
      </p>
      {params.id ? (
        <Query query={existing} what="the decision">
          {(decision) => <DecisionEditor decision={decision} />}
        </Query>
      ) : (
        <DecisionEditor />
      )}
    </main>
  );
}

function DecisionEditor(props: { decision?: Decision }) {
  const d = props.decision;
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const members = useMembers();
  const bodyEditable = !d || d.status === 'draft' || d.status === 'proposed';
  const [values, setValues] = useState({
    title: d?.title ?? '',
    decisionType: d?.decisionType ?? '',
    decisionOwnerId: d?.decisionOwnerId ?? '',
    decisionDate: d?.decisionDate ?? today(),
    sprintRelease: d?.sprintRelease ?? '',
    projectId: d?.projectId ?? '',
    context: d?.context ?? '',
    decision: d?.decision ?? '',
    drivers: (d?.decisionDrivers ?? []).join('\n'),
    consequences: d?.consequences ?? '',
    good: (d?.consequencesGood ?? []).join('\n'),
    bad: (d?.consequencesBad ?? []).join('\n'),
    impactLevel: d?.impactRisk?.level ?? '',
    impactText: d?.impactRisk?.text ?? '',
    tags: (d?.tags ?? []).join(', '),
  });
  const [options, setOptions] = useState<OptionDraft[]>(
    (d?.consideredOptions ?? []).map((option) => ({
      title: option.title,
      description: option.description,
      pros: option.pros.join('\n'),
      neutral: option.neutral.join('\n'),
      cons: option.cons.join('\n'),
    })),
  );
  const otherArtifacts = (d?.relatedArtifacts ?? []).filter((artifact) => artifact.type !== 'prd');
  const [prdIds, setPrdIds] = useState<string[]>(
    (d?.relatedArtifacts ?? []).flatMap((artifact) => (artifact.type === 'prd' ? [artifact.id] : [])),
  );
  const [qa, setQa] = useState<string[]>(d?.involvedQa ?? []);
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [name]: event.target.value });

  const settings = useQuery({
    queryKey: ['decision-settings'],
    queryFn: () => call('get', '/api/v1/decision-logs/settings'),
  });
  const projects = useQuery({
    queryKey: ['projects', 'for-decisions'],
    queryFn: () => call('get', '/api/v1/projects', { query: { limit: 200, 'filter[status]': 'active' } }),
  });
  const prds = useQuery({
    queryKey: ['prd-reviews', values.projectId, 'for-decisions'],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews', {
        params: { projectId: values.projectId },
        query: { limit: 200, sort: '-updatedAt' },
      }),
    enabled: Boolean(values.projectId),
  });

  const save = useMutation({
    mutationFn: () => {
      const links = {
        tags: splitList(values.tags),
        relatedArtifacts: [...otherArtifacts, ...prdIds.map((id) => ({ type: 'prd' as const, id }))],
      };
      const body = {
        title: values.title,
        decisionType: values.decisionType,
        decisionOwnerId: values.decisionOwnerId || null,
        decisionDate: values.decisionDate,
        sprintRelease: values.sprintRelease,
        projectId: values.projectId || null,
        context: values.context,
        decision: values.decision,
        decisionDrivers: lines(values.drivers),
        consequences: values.consequences,
        involvedQa: qa,
        confirmation: d?.confirmation ?? '',
        moreInformation: d?.moreInformation ?? '',
        consequencesGood: lines(values.good),
        consequencesBad: lines(values.bad),
        impactRisk: values.impactLevel
          ? { level: values.impactLevel as 'low', text: values.impactText }
          : null,
        consideredOptions: options.map((option) => ({
          title: option.title,
          description: option.description,
          pros: lines(option.pros),
          neutral: lines(option.neutral),
          cons: lines(option.cons),
        })),
        ...links,
      };
      if (!d) return call('post', '/api/v1/decision-logs', { body: body as Create });
      return call('patch', '/api/v1/decision-logs/{id}', {
        params: { id: d.id },
        body: bodyEditable ? body : links,
        headers: { 'if-match': `"v${d.version}"` },
      });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['decisions'] });
      void client.invalidateQueries({ queryKey: ['decision', saved.id] });
      navigate(`/decisions/${saved.id}`);
    },
  });
  const fields = fieldErrorsOf(save.error);
  const err = (name: string) => fieldError(fields, name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const text = (name: keyof typeof values, label: string, hint?: string) => (
    <Field label={label} name={`decision-${name}`} error={err(name)} hint={hint}>
      <input
        {...inputProps(`decision-${name}`, err(name))}
        value={values[name]}
        onChange={set(name)}
        disabled={!bodyEditable}
      />
    </Field>
  );
  const area = (name: keyof typeof values, label: string, error: string, hint?: string) => (
    <Field label={label} name={`decision-${name}`} error={err(error)} hint={hint}>
      <textarea
        {...inputProps(`decision-${name}`, err(error))}
        rows={3}
        value={values[name]}
        onChange={set(name)}
        disabled={!bodyEditable}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate aria-label={d ? 'Edit decision' : 'New decision'}>
      <h1>{d ? `Edit ${d.reference}` : 'New decision'}</h1>
      {bodyEditable ? null : (
        <p className="hint">
          This decision is {d?.status}: its substance is fixed; tags and links may still change.
        </p>
      )}
      {text('title', 'Title')}
      <div className="filters">
        <Field label="Type" name="decision-decisionType" error={err('decisionType')}>
          <select
            {...inputProps('decision-decisionType', err('decisionType'))}
            value={values.decisionType}
            onChange={set('decisionType')}
            disabled={!bodyEditable}
          >
            <option value="">Choose…</option>
            {(settings.data?.decisionTypes ?? []).map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="decision-decisionOwnerId" error={err('decisionOwnerId')}>
          <select
            {...inputProps('decision-decisionOwnerId', err('decisionOwnerId'))}
            value={values.decisionOwnerId}
            onChange={set('decisionOwnerId')}
            disabled={!bodyEditable}
          >
            <option value="">Nobody yet</option>
            {(members.data?.data ?? []).map((member) => (
              <option key={member.user.id} value={member.user.id}>
                {member.user.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Decision date" name="decision-decisionDate" error={err('decisionDate')}>
          <input
            {...inputProps('decision-decisionDate', err('decisionDate'))}
            type="date"
            value={values.decisionDate}
            onChange={set('decisionDate')}
            disabled={!bodyEditable}
          />
        </Field>
        {text('sprintRelease', 'Sprint or release')}
        <Field label="Project" name="decision-projectId" error={err('projectId')}>
          <select
            {...inputProps('decision-projectId', err('projectId'))}
            value={values.projectId}
            onChange={set('projectId')}
            disabled={!bodyEditable}
          >
            <option value="">Workspace-wide</option>
            {(projects.data?.data ?? []).map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="QA involved"
        name="decision-qa"
        error={err('involvedQa')}
        hint="Hold Ctrl or Cmd to choose several"
      >
        <select
          {...inputProps('decision-qa', err('involvedQa'))}
          multiple
          value={qa}
          disabled={!bodyEditable}
          onChange={(event) => setQa([...event.target.selectedOptions].map((option) => option.value))}
        >
          {(members.data?.data ?? []).map((member) => (
            <option key={member.user.id} value={member.user.id}>
              {member.user.displayName}
            </option>
          ))}
        </select>
      </Field>
      {area('context', 'Context and problem', 'context')}
      {area('decision', 'Decision', 'decision')}
      {area('drivers', 'Decision drivers', 'decisionDrivers', 'One per line')}
      <fieldset disabled={!bodyEditable}>
        <legend>Considered options</legend>
        {options.map((option, index) => {
          const update = (patch: Partial<OptionDraft>) =>
            setOptions(options.map((other, at) => (at === index ? { ...other, ...patch } : other)));
          const base = `consideredOptions.${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; their position is their identity here
            <div key={index} className="panel">
              <Field
                label={`Option ${index + 1} title`}
                name={`option-${index}-title`}
                error={err(`${base}.title`)}
              >
                <input
                  {...inputProps(`option-${index}-title`, err(`${base}.title`))}
                  value={option.title}
                  onChange={(event) => update({ title: event.target.value })}
                />
              </Field>
              <Field
                label="Description"
                name={`option-${index}-description`}
                error={err(`${base}.description`)}
              >
                <textarea
                  {...inputProps(`option-${index}-description`)}
                  rows={2}
                  value={option.description}
                  onChange={(event) => update({ description: event.target.value })}
                />
              </Field>
              <Field label="Pros (one per line)" name={`option-${index}-pros`} error={err(`${base}.pros`)}>
                <textarea
                  {...inputProps(`option-${index}-pros`)}
                  rows={2}
                  value={option.pros}
                  onChange={(event) => update({ pros: event.target.value })}
                />
              </Field>
              <Field
                label="Neutral (one per line)"
                name={`option-${index}-neutral`}
                error={err(`${base}.neutral`)}
              >
                <textarea
                  {...inputProps(`option-${index}-neutral`)}
                  rows={2}
                  value={option.neutral}
                  onChange={(event) => update({ neutral: event.target.value })}
                />
              </Field>
              <Field label="Cons (one per line)" name={`option-${index}-cons`} error={err(`${base}.cons`)}>
                <textarea
                  {...inputProps(`option-${index}-cons`)}
                  rows={2}
                  value={option.cons}
                  onChange={(event) => update({ cons: event.target.value })}
                />
              </Field>
              <button type="button" onClick={() => setOptions(options.filter((_, at) => at !== index))}>
                Remove option {index + 1}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() =>
            setOptions([...options, { title: '', description: '', pros: '', neutral: '', cons: '' }])
          }
        >
          Add an option
        </button>
      </fieldset>
      {area('consequences', 'Consequences', 'consequences')}
      {area('good', 'Good consequences', 'consequencesGood', 'One per line')}
      {area('bad', 'Bad consequences', 'consequencesBad', 'One per line')}
      <div className="filters">
        <Field label="Impact and risk" name="decision-impactLevel" error={err('impactRisk')}>
          <select
            {...inputProps('decision-impactLevel', err('impactRisk'))}
            value={values.impactLevel}
            onChange={set('impactLevel')}
            disabled={!bodyEditable}
          >
            <option value="">Not assessed</option>
            {['low', 'medium', 'high', 'critical'].map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </Field>
        {text('impactText', 'What could go wrong')}
      </div>
      <Field label="Tags" name="decision-tags" error={err('tags')} hint="Comma-separated">
        <input {...inputProps('decision-tags', err('tags'))} value={values.tags} onChange={set('tags')} />
      </Field>
      <Field
        label="Related PRDs"
        name="decision-prds"
        error={err('relatedArtifacts')}
        hint={values.projectId ? 'Hold Ctrl or Cmd to choose several' : 'Choose a project to link its PRDs'}
      >
        <select
          {...inputProps('decision-prds', err('relatedArtifacts'))}
          multiple
          value={prdIds}
          onChange={(event) => setPrdIds([...event.target.selectedOptions].map((option) => option.value))}
        >
          {(prds.data?.data ?? []).map((prd) => (
            <option key={prd.id} value={prd.id}>
              {prd.title}
            </option>
          ))}
        </select>
      </Field>
      {Object.keys(fields).length ? (
        <p className="error banner" role="alert">
          Some fields need attention.
        </p>
      ) : (
        <FormError error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {d ? 'Save decision' : 'Create decision'}
        </button>
        <Link href={d ? `/decisions/${d.id}` : '/decisions'}>Cancel</Link>
      </div>
    </form>
  );
}
