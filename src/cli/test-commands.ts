import type { Command } from 'commander';
import { registerTestGateCommand } from './test-gate-command.ts';
import { registerTestReadCommands } from './test-read-commands.ts';
import { registerTestUploadCommand } from './test-upload-command.ts';

/** `shipshape tests …`: test runs uploaded from CI, and what they answer. */
export function registerTestCommands(program: Command): void {
  const tests = program
    .command('tests')
    .description(
      'Test evidence: upload Allure or JUnit results, read runs, flaky tests and history, gate CI',
    );
  registerTestUploadCommand(tests);
  registerTestReadCommands(tests);
  registerTestGateCommand(tests);
}
