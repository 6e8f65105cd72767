import { useState } from 'react';
import { useLocation } from 'wouter';
import { TextAreaField, TextField } from '../../components/fields';
import { Form, fieldError, fieldErrorsOf } from '../../components/forms';
import { FormError } from '../../components/ui';
import { useCan } from '../session/permissions';
import { useExportPrd, useImportPrd } from './exchange-queries';
import type { PrdKey } from './queries';

/** Export this PRD as a file, or import another into the project from Markdown. */
export function ExchangeButtons(props: { prdKey: PrdKey }) {
  const canWrite = useCan('write');
  const exporting = useExportPrd(props.prdKey);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <div className="actions">
        <button type="button" disabled={exporting.isPending} onClick={() => exporting.mutate('markdown')}>
          Export
        </button>
        <button type="button" disabled={exporting.isPending} onClick={() => exporting.mutate('spec')}>
          Export spec.md
        </button>
        {canWrite ? (
          <button type="button" aria-expanded={importing} onClick={() => setImporting(!importing)}>
            Import…
          </button>
        ) : null}
      </div>
      <FormError error={exporting.error} />
      {importing ? <ImportForm projectId={props.prdKey.projectId} /> : null}
    </>
  );
}

/** A new PRD from a Markdown file or pasted text; opens it once created. */
function ImportForm(props: { projectId: string }) {
  const [, navigate] = useLocation();
  const [markdown, setMarkdown] = useState('');
  const [title, setTitle] = useState('');
  const send = useImportPrd(props.projectId);
  const fields = fieldErrorsOf(send.error);
  const submit = () =>
    send.mutate(
      { markdown, title: title.trim() || undefined },
      { onSuccess: (prd) => navigate(`/projects/${props.projectId}/prds/${prd.id}`) },
    );
  return (
    <Form className="panel" onSubmit={submit} aria-label="Import a PRD">
      <div className="field">
        <label htmlFor="import-file">Markdown file</label>
        <input
          id="import-file"
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          onChange={(event) => void event.target.files?.[0]?.text().then(setMarkdown)}
        />
      </div>
      <TextAreaField
        label="Or paste Markdown"
        name="import-markdown"
        rows={6}
        error={fieldError(fields, 'markdown')}
        value={markdown}
        onChange={setMarkdown}
      />
      <TextField
        label="Title (optional)"
        name="import-title"
        hint="Else the front matter's title, else the first heading"
        error={fieldError(fields, 'title')}
        value={title}
        onChange={setTitle}
      />
      {fields.markdown || fields.title ? null : <FormError error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending || !markdown.trim()}>
        Import as a new PRD
      </button>
    </Form>
  );
}
