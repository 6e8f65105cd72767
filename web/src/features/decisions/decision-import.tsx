import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Filter } from '../../components/filters';
import { Page, Section } from '../../components/layout';
import { Options } from '../../components/options';
import { Empty, ErrorState, FormError, Loading } from '../../components/ui';
import { useValues } from '../../components/use-values';
import { useProjectChoices } from '../projects/queries';
import { type AdrFile, readFolder, readZip } from './adr-files';
import { ImportPreview } from './import-preview';
import { type ImportReport, useDecisionSettings, useImportDecisions } from './queries';

/**
 * Imports a folder of ADRs (Nygard, MADR 2–4, log4brains): pick the folder or a zip of it, read
 * what each file would become and why a file cannot be read, then import the files that can.
 */
export function DecisionImport() {
  const [files, setFiles] = useState<AdrFile[]>([]);
  const [options, set] = useValues({ projectId: '', decisionType: '' });
  const preview = useImportDecisions();
  const run = useImportDecisions();
  const dryRun = preview.mutate;
  useEffect(() => {
    if (files.length === 0) return;
    dryRun({
      files,
      dryRun: true,
      projectId: options.projectId || undefined,
      decisionType: options.decisionType || undefined,
    });
  }, [files, options, dryRun]);
  const importable = (report: ImportReport) =>
    files.filter((file) => !report.errors.some((error) => error.file === file.name));
  const start = (report: ImportReport) =>
    run.mutate({
      files: importable(report),
      dryRun: false,
      projectId: options.projectId || undefined,
      decisionType: options.decisionType || undefined,
    });
  return (
    <Page crumbs={<Link href="/decisions">Decisions</Link>}>
      <h1>Import ADRs</h1>
      <p className="muted">
        Architecture decision records in Markdown: Nygard, MADR 2, 3 or 4, or log4brains. Nothing is created
        until you import.
      </p>
      <ImportChoices
        options={options}
        set={set}
        onFiles={(picked) => {
          run.reset();
          setFiles(picked);
        }}
      />
      <Section id="import-preview" title="What the import would do">
        {files.length === 0 ? (
          <Empty>Pick a folder of ADRs or a zip of one.</Empty>
        ) : preview.isPending || !preview.data ? (
          preview.error ? (
            <ErrorState error={preview.error} retry={() => setFiles([...files])} />
          ) : (
            <Loading what="the preview" />
          )
        ) : (
          <>
            <ImportPreview files={files} report={preview.data} />
            {run.data ? (
              <ImportDone report={run.data} />
            ) : (
              <p className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={run.isPending || importable(preview.data).length === 0}
                  onClick={() => preview.data && start(preview.data)}
                >
                  Import {countOf(importable(preview.data).length, 'decision')}
                </button>
                {preview.data.errors.length ? (
                  <span className="muted">
                    {countOf(preview.data.errors.length, 'file')} that cannot be read will be left out.
                  </span>
                ) : null}
              </p>
            )}
            <FormError error={run.error} />
          </>
        )}
      </Section>
    </Page>
  );
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function ImportChoices(props: {
  options: { projectId: string; decisionType: string };
  set: (name: 'projectId' | 'decisionType') => (value: string) => void;
  onFiles: (files: AdrFile[]) => void;
}) {
  const projects = useProjectChoices();
  const settings = useDecisionSettings();
  const [readError, setReadError] = useState<unknown>(null);
  const read = (reading: Promise<AdrFile[]>) => {
    setReadError(null);
    reading.then(props.onFiles, setReadError);
  };
  return (
    <div className="panel import-choices">
      <Filter label="ADR folder">
        <input
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={(event) => event.target.files && read(readFolder(event.target.files))}
        />
      </Filter>
      <Filter label="Or a zip of the folder">
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) read(readZip(file));
          }}
        />
      </Filter>
      <Filter label="Project">
        <select
          value={props.options.projectId}
          onChange={(event) => props.set('projectId')(event.target.value)}
        >
          <Options
            none="Workspace-wide"
            choices={(projects.data?.data ?? []).map((project) => ({
              value: project.id,
              label: project.name,
            }))}
          />
        </select>
      </Filter>
      <Filter label="Type when a file names none">
        <select
          value={props.options.decisionType}
          onChange={(event) => props.set('decisionType')(event.target.value)}
        >
          <Options none="architecture" choices={settings.data?.decisionTypes ?? []} />
        </select>
      </Filter>
      <FormError error={readError} />
    </div>
  );
}

function ImportDone(props: { report: ImportReport }) {
  const created = props.report.decisions.filter((decision) => decision.id);
  return (
    <div className="banner ok" role="status">
      <p>
        Imported {countOf(created.length, 'decision')}. <Link href="/decisions">See the decision log</Link>.
      </p>
      <ul>
        {created.map((decision) => (
          <li key={decision.file}>
            <Link href={`/decisions/${decision.id}`}>
              {decision.reference} {decision.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
