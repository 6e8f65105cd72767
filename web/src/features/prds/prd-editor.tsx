import { useDeferredValue, useMemo } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { bindFields, TextAreaField, TextField } from '../../components/fields';
import { Form, hasGeneralError } from '../../components/forms';
import { Page } from '../../components/layout';
import { FormError, Query } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { demoteHeadings } from './demote-headings';
import { LiveLint } from './live-lint';
import { previewHtml } from './markdown-preview';
import { PrdCrumbs } from './prd-crumbs';
import { type PrdKey, usePrd, useSavePrd } from './queries';
import { useLeaveGuard } from './use-leave-guard';

/** Edits a PRD's title and Markdown beside a live preview and live lint; saving makes a new revision. */
export function PrdEditor() {
  const key = useParams<{ projectId: string; id: string }>() as PrdKey;
  const prd = usePrd(key);
  return (
    <Page
      crumbs={
        <PrdCrumbs
          projectId={key.projectId}
          prd={prd.data ? { id: key.id, title: prd.data.title } : undefined}
        />
      }
    >
      <Query query={prd} what="the PRD">
        {(p) => <EditorForm prdKey={key} title={p.title} content={p.content} version={p.version} />}
      </Query>
    </Page>
  );
}

function EditorForm(props: { prdKey: PrdKey; title: string; content: string; version: number }) {
  const [, navigate] = useLocation();
  const [values, set] = useValues({ title: props.title, content: props.content });
  const deferred = useDeferredValue(values.content);
  const preview = useMemo(() => demoteHeadings(previewHtml(deferred)), [deferred]);
  const save = useSavePrd(props.prdKey, props.version);
  const dirty = (values.title !== props.title || values.content !== props.content) && !save.isSuccess;
  useLeaveGuard(dirty);
  const submit = () => {
    save.mutate(values, {
      onSuccess: () => navigate(`/projects/${props.prdKey.projectId}/prds/${props.prdKey.id}`),
    });
  };
  const field = bindFields({ values, set, error: save.error, prefix: 'prd' });
  return (
    <Form onSubmit={submit} aria-label="Edit PRD">
      <div className="title-row">
        <h1>Edit PRD</h1>
        <div className="actions">
          {dirty ? <span className="muted">Unsaved changes</span> : null}
          <button type="submit" className="primary" disabled={save.isPending || !dirty}>
            Save revision
          </button>
          <Link href={`/projects/${props.prdKey.projectId}/prds/${props.prdKey.id}`}>Cancel</Link>
        </div>
      </div>
      <TextField label="Title" {...field('title')} />
      {hasGeneralError(save.error, ['title', 'content']) ? <FormError error={save.error} /> : null}
      <div className="editor-layout prd-editor-layout">
        <TextAreaField label="Content (Markdown)" className="editor" spellCheck {...field('content')} />
        <div className="prd-editor-side">
          <LiveLint projectId={props.prdKey.projectId} content={values.content} />
          <section aria-label="Preview">
            <p className="field">
              <strong>Preview</strong>
            </p>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned by previewHtml */}
            <article className="document" dangerouslySetInnerHTML={{ __html: preview }} />
          </section>
        </div>
      </div>
    </Form>
  );
}
