import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';

interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  lastCheckpointSequence: number | null;
  firstBroken: { sequence: number; problem: string; expected: string; found: string; detail: string } | null;
}

/** `shipshape audit …`: check and read the audit trail of the token's workspace. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');

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
}
