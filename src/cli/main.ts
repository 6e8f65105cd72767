import { Command } from 'commander';
import { registerAuditCommands } from './audit-commands.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { registerContractCommands } from './contract-commands.ts';
import { registerContractUploadCommand } from './contract-upload-command.ts';
import { registerDecisionCommands } from './decision-commands.ts';
import { registerDeliveryCommands } from './delivery-commands.ts';
import { registerFindingsCommands } from './findings-commands.ts';
import { registerFlagCommands } from './flag-commands.ts';
import { registerIdentityCommands } from './identity-commands.ts';
import { registerMcpCommands } from './mcp-commands.ts';
import { registerMigrationCommands } from './migration-commands.ts';
import { registerMigrationUploadCommand } from './migration-upload-command.ts';
import { registerPlanCommands } from './plan-commands.ts';
import { registerPrdCommands } from './prd-commands.ts';
import { registerSagaCommands } from './saga-commands.ts';
import { registerSearchCommands } from './search-commands.ts';
import { registerServerCommands } from './server-commands.ts';
import { registerTaskCommands } from './task-commands.ts';
import { registerTestCommands } from './test-commands.ts';

/** The `shipshape` command line: `shipshape <noun> <verb>`, `--json` everywhere. */
export function buildCli(): Command {
  const program = new Command('shipshape')
    .description('Shipshape: the control plane for production-ready software delivery')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServerCommands(program);
  registerBackupCommands(program);
  registerAuditCommands(program);
  registerPrdCommands(program);
  registerDecisionCommands(program);
  registerIdentityCommands(program);
  registerPlanCommands(program);
  registerTaskCommands(program);
  registerSagaCommands(program);
  registerSearchCommands(program);
  registerMigrationUploadCommand(registerMigrationCommands(program));
  registerContractUploadCommand(registerContractCommands(program));
  registerFlagCommands(program);
  registerTestCommands(program);
  registerFindingsCommands(program);
  registerDeliveryCommands(program);
  registerMcpCommands(program);
  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`shipshape: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
