import type { Command } from 'commander';

// The server and the database driver load only when these commands run: every other command is a
// client of the API, and loading the whole server would add over a second to each of them.

/** Commands that act on the database itself and read the server's configuration. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the API and UI server (what `npm start` runs)')
    .action(async () => {
      const [{ loadConfig }, { startServer }] = await Promise.all([
        import('../config.ts'),
        import('../server.ts'),
      ]);
      const server = await startServer(loadConfig());
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) {
          process.stderr.write('Forced exit.\n');
          process.exit(1);
        }
        server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        server.stop().then(
          () => process.exit(0),
          (error: Error) => {
            process.stderr.write(`shutdown failed: ${error.message}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const [{ loadConfig }, { openDatabase }, { migrateDatabase }] = await Promise.all([
        import('../config.ts'),
        import('../db/connection.ts'),
        import('../db/migrate.ts'),
      ]);
      const config = loadConfig();
      const database = await openDatabase(config.database);
      try {
        const { applied } = await migrateDatabase(database);
        if (options.json) process.stdout.write(`${JSON.stringify({ applied })}\n`);
        else
          process.stdout.write(
            applied ? `Applied ${applied} migration(s).\n` : 'The database is up to date.\n',
          );
      } finally {
        await database.close();
      }
    });
}
