import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { CursorList } from '../../components/cursor-list';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { Page } from '../../components/layout';
import { Empty } from '../../components/ui';
import { FindingCrumbs, findingHrefs } from './crumbs';
import { FindingsTable } from './findings-table';
import { type FindingFilters, useFindings } from './queries';
import { findingStatuses, severities } from './types';

/** A project's review findings (from SARIF uploads, reviewers or agents), filtered by severity, status, rule and stream. */
export function FindingsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const [filters, setFilters] = useState<FindingFilters>({
    severity: '',
    status: '',
    ruleId: '',
    stream: '',
    q: '',
  });
  const findings = useFindings(projectId, filters);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Page crumbs={<FindingCrumbs projectId={projectId} />}>
      <div className="title-row">
        <h1>Findings</h1>
        <div className="actions">
          <Link href={findingHrefs.sets(projectId)}>Finding sets</Link>
        </div>
      </div>
      <FilterBar label="Find findings">
        <SelectFilter
          label="Severity"
          value={filters.severity}
          onChange={(severity) => setFilters({ ...filters, severity })}
          choices={severities}
          any="Any severity"
        />
        <SelectFilter
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          choices={findingStatuses}
          any="Any status"
        />
        <TextFilter
          label="Rule"
          value={filters.ruleId}
          onChange={(ruleId) => setFilters({ ...filters, ruleId })}
          placeholder="no-eval"
        />
        <TextFilter
          label="Stream"
          value={filters.stream}
          onChange={(stream) => setFilters({ ...filters, stream })}
          placeholder="eslint"
        />
        <TextFilter
          label="Search findings"
          type="search"
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
          placeholder="Title, location, details…"
        />
      </FilterBar>
      <CursorList
        list={findings}
        what="findings"
        empty={
          <Empty>
            No findings{filtered ? ' match' : ' yet'}. Upload a SARIF log with{' '}
            <code>POST /api/v1/projects/…/findings/sarif</code> or the <code>report_findings</code> tool.
          </Empty>
        }
      >
        {(rows) => <FindingsTable projectId={projectId} rows={rows} caption="Findings, newest first" />}
      </CursorList>
    </Page>
  );
}
