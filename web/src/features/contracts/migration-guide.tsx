import { saveFile } from '../../components/download';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { Markdown } from '../migrations/markdown';
import { type ContractKey, useMigrationGuide } from './queries';

/** `payments-1.0.0-to-2.0.0-migration-guide.md`, with anything a file name should not hold replaced. */
function fileNameOf(apiName: string, from: string, to: string): string {
  return `${apiName}-${from}-to-${to}-migration-guide.md`.replace(/[^\w.+-]+/g, '_');
}

/**
 * How clients move from the previous version to this one: the server's Markdown, rendered and
 * cleaned like a PRD's preview, with a button to download it as a file to send to consumers.
 */
export function MigrationGuide(props: { contractKey: ContractKey; versionId: string; apiName: string }) {
  const guide = useMigrationGuide(props.contractKey, props.versionId);
  return (
    <Section id="migration-guide" title="Migration guide">
      <Query query={guide} what="the migration guide">
        {(g) => (
          <>
            <p className="actions">
              <span className="muted">
                From {g.from.label} to {g.to.label}.
              </span>
              <button
                type="button"
                onClick={() =>
                  saveFile(
                    fileNameOf(props.apiName, g.from.label, g.to.label),
                    new Blob([g.markdown], { type: 'text/markdown;charset=utf-8' }),
                  )
                }
              >
                Download the guide (Markdown)
              </button>
            </p>
            <div className="document guide">
              <Markdown text={g.markdown} />
            </div>
          </>
        )}
      </Query>
    </Section>
  );
}
