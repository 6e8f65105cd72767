import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type { ReplayReport, VerifyReport } from './api-types.ts';
import { registerAuditReadCommands } from './audit-read-commands.ts';

/** `shipshape audit …`: check and read the audit trail of the token's workspace. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  registerAuditReadCommands(audit);

  withConnectionOptions(
    audit
      .command('verify')
      .description('Recompute the hash chain and check it against the signed checkpoints'),
  ).action(async (options: ConnectionOptions) => {
    const client = createApiClient(resolveConnection(options));
    const report = await client.request<VerifyReport>('GET', '/api/v1/audit/verify');
    printResult(options, report, () => {
      const summary = `${report.eventsChecked} event(s), ${report.checkpointsChecked} checkpoint(s) checked`;
      if (report.ok) return `The audit trail is intact: ${summary}.`;
      const link = report.firstBroken;
      return [
        `The audit trail is BROKEN at sequence ${link?.sequence}: ${link?.detail} (${link?.problem}).`,
        `  expected: ${link?.expected}`,
        `  found:    ${link?.found}`,
        `  ${summary} before the break.`,
      ].join('\n');
    });
    if (!report.ok) {
      if (options.json)
        process.stderr.write(
          `shipshape: the audit trail is broken at sequence ${report.firstBroken?.sequence}\n`,
        );
      process.exitCode = 2;
    }
  });

  withConnectionOptions(
    audit
      .command('replay')
      .description(
        "Rebuild a resource type's rows from the trail and list every row that differs from the live table",
      )
      .requiredOption('--type <type>', 'the resource type, e.g. project'),
  ).action(async (options: ConnectionOptions & { type: string }) => {
    const client = createApiClient(resolveConnection(options));
    const report = await client.request<ReplayReport>('POST', '/api/v1/audit/replay', {
      body: { type: options.type },
    });
    printResult(options, report, () => {
      const summary = `${report.eventsRead} event(s) replayed into ${report.rowsReplayed} row(s); the table holds ${report.rowsLive}.`;
      if (report.differenceCount === 0) return `${summary} No differences.`;
      const lines = report.differences.map((difference) => {
        const fields = difference.fields ? ` ${Object.keys(difference.fields).join(', ')}` : '';
        return `  ${difference.id} ${difference.kind}${fields}`;
      });
      return [`${summary} ${report.differenceCount} difference(s):`, ...lines].join('\n');
    });
    if (report.differenceCount > 0) process.exitCode = 2;
  });
}
