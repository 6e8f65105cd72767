import { Empty } from '../../components/ui';
import { FindingCard } from './finding-card';
import { below, Heading, type Level } from './heading';
import { type FileReport, type LintReport, type LintRule, useRulesById } from './queries';
import { StatementLocks } from './statement-locks';

const severities = [
  { value: 'error', title: 'Errors' },
  { value: 'warning', title: 'Warnings' },
] as const;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The report's totals in one line. */
export function reportSummary(report: LintReport): string {
  const { summary } = report;
  return [
    `PostgreSQL ${report.pgVersion}`,
    plural(summary.files, 'file'),
    plural(summary.statements, 'statement'),
    plural(summary.errors, 'error'),
    plural(summary.warnings, 'warning'),
    ...(summary.parseErrors > 0 ? [plural(summary.parseErrors, 'parse error')] : []),
  ].join(' · ');
}

/**
 * A lint report, file by file: what does not parse, the findings by severity with their recipes,
 * what was not analysed or ignored, and each statement's locks. `level` is the files' heading level.
 */
export function LintReportView(props: { report: LintReport; level: Level; idPrefix: string }) {
  const rules = useRulesById();
  return (
    <div className="lint-report">
      <p className="report-summary" role="status">
        {reportSummary(props.report)}
      </p>
      {props.report.files.map((file, index) => (
        <FileView
          key={file.path}
          file={file}
          rules={rules}
          level={props.level}
          id={`${props.idPrefix}-file-${index}`}
        />
      ))}
    </div>
  );
}

function FileView(props: { file: FileReport; rules: Map<string, LintRule>; level: Level; id: string }) {
  const { file, level } = props;
  const heading = `${props.id}-heading`;
  const inner = below(level);
  return (
    <section className="panel lint-file" aria-labelledby={heading}>
      <Heading level={level} id={heading}>
        <code>{file.path}</code>
      </Heading>
      {file.parseError ? (
        <p className="error banner">
          PostgreSQL cannot parse this file: {file.parseError.message} (line {file.parseError.line}, column{' '}
          {file.parseError.column}).
        </p>
      ) : null}
      {!file.parseError && file.findings.length === 0 ? <Empty>No findings.</Empty> : null}
      {severities.map((severity) => {
        const findings = file.findings.filter((finding) => finding.severity === severity.value);
        if (findings.length === 0) return null;
        return (
          <div key={severity.value} className="severity-group">
            <Heading level={inner}>
              {severity.title} ({findings.length})
            </Heading>
            {findings.map((finding, index) => (
              <FindingCard
                // biome-ignore lint/suspicious/noArrayIndexKey: one rule may say two things of one statement
                key={`${finding.ruleId}-${finding.line}-${finding.column}-${index}`}
                finding={finding}
                rule={props.rules.get(finding.ruleId)}
                level={below(inner)}
                id={`${props.id}-${severity.value}-${index}`}
              />
            ))}
          </div>
        );
      })}
      <NotJudged file={file} level={inner} />
      {file.statements.length > 0 ? (
        <>
          <Heading level={inner}>Locks by statement</Heading>
          <StatementLocks statements={file.statements} caption={`Locks taken by ${file.path}`} />
        </>
      ) : null}
    </section>
  );
}

/** Statements the linter read but could not judge, and findings an ignore comment switched off. */
function NotJudged(props: { file: FileReport; level: Level }) {
  const { file } = props;
  return (
    <>
      {file.unanalysed.length > 0 ? (
        <>
          <Heading level={props.level}>Not analysed ({file.unanalysed.length})</Heading>
          <ul className="activity">
            {file.unanalysed.map((item) => (
              <li key={`${item.line}-${item.reason}`}>
                line {item.line}: {item.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {file.ignored.length > 0 ? (
        <>
          <Heading level={props.level}>Ignored by a comment ({file.ignored.length})</Heading>
          <ul className="activity">
            {file.ignored.map((item) => (
              <li key={`${item.ruleId}-${item.line}`}>
                <code>{item.ruleId}</code> at line {item.line}: {item.reason || 'no reason given'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
