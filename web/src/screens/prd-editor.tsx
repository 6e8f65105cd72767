import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { call } from '../api/client';
import { fieldError, fieldErrorsOf, hasGeneralError } from '../components/forms';
import { previewHtml } from '../components/markdown';
import { Field, FormError, inputProps, Query } from '../components/ui';
import { type PrdKey, usePrd, useRefreshPrd } from './prd-api';

/** Edits a PRD's title and Markdown beside a live preview; saving makes a new revision. */
export function PrdEditor() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const prd = usePrd(key);
  return (
    <main className="page">
      <p className="crumbs">
        <Link href={`/projects/${key.projectId}`}>Project</Link> ›{' '}
        <Link href={`/projects/${key.projectId}/prds/${key.id}`}>PRD</Link>
      </p>
      <Query query={prd} what="the PRD">
        {(p) => <EditorForm prdKey={key} title={p.title} content={p.content} version={p.version} />}
      </Query>
    </main>
  );
}

function EditorForm(props: { prdKey: PrdKey; title: string; content: string; version: number }) {
  const [, navigate] = useLocation();
  const refresh = useRefreshPrd(props.prdKey);
  const [title, setTitle] = useState(props.title);
  const [content, setContent] = useState(props.content);
  const deferred = useDeferredValue(content);
  const preview = useMemo(() => previewHtml(deferred), [deferred]);
  const dirty = title !== props.title || content !== props.content;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const save = useMutation({
    mutationFn: () =>
      call('patch', '/api/v1/projects/{projectId}/prd-reviews/{id}', {
        params: props.prdKey,
        body: { title, content },
        headers: { 'if-match': `"v${props.version}"` },
      }),
    onSuccess: () => {
      refresh();
      navigate(`/projects/${props.prdKey.projectId}/prds/${props.prdKey.id}`);
    },
  });
  const fields = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Edit PRD">
      <div className="title-row">
        <h1>Edit PRD</h1>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending || !dirty}>
            Save revision
          </button>
          <Link href={`/projects/${props.prdKey.projectId}/prds/${props.prdKey.id}`}>Cancel</Link>
        </div>
      </div>
      <Field label="Title" name="prd-title" error={fieldError(fields, 'title')}>
        <input
          {...inputProps('prd-title', fieldError(fields, 'title'))}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      {hasGeneralError(save.error, ['title', 'content']) ? <FormError error={save.error} /> : null}
      <div className="editor-layout">
        <Field label="Content (Markdown)" name="prd-content" error={fieldError(fields, 'content')}>
          <textarea
            {...inputProps('prd-content', fieldError(fields, 'content'))}
            className="editor"
            value={content}
            onChange={(event) => setContent(event.target.value)}
          />
        </Field>
        <section aria-label="Preview">
          <p className="field">
            <strong>Preview</strong>
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by previewHtml */}
          <article className="document" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      </div>
    </form>
  );
}
