import type { Command } from 'commander';
import { printResult, withConnectionOptions } from './api-client.ts';
import { type FlagOptions, scopeOf, table } from './flag-support.ts';
import type { SdkKey } from './flag-types.ts';

const kinds = ['server', 'client'] as const;

function kindOf(options: FlagOptions): 'server' | 'client' | undefined {
  if (options.kind === undefined) return undefined;
  const kind = String(options.kind);
  if (kind !== 'server' && kind !== 'client')
    throw new Error(`--kind must be server or client, not "${kind}"`);
  return kind;
}

function keysText(keys: SdkKey[]): string {
  if (keys.length === 0) return 'No SDK keys.';
  const rows = keys.map((key) => [
    key.id,
    key.name,
    key.environment ?? key.environmentId ?? '—',
    key.kind,
    `${key.prefix}…`,
    key.revokedAt ? `revoked ${key.revokedAt}` : `last used ${key.lastUsedAt ?? 'never'}`,
  ]);
  return table([['ID', 'NAME', 'ENVIRONMENT', 'KIND', 'PREFIX', 'STATE'], ...rows]);
}

async function list(options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const kind = kindOf(options);
  const keys = (await scope.client.listAll<SdkKey>(`${scope.base}/flag-sdk-keys`)).filter(
    (key) =>
      (options.env === undefined || key.environment === options.env) &&
      (kind === undefined || key.kind === kind),
  );
  printResult(options, keys, () => keysText(keys));
}

async function create(options: FlagOptions): Promise<void> {
  const kind = kindOf(options) ?? 'server';
  const environment = String(options.env);
  const scope = await scopeOf(options);
  const name = options.name === undefined ? `${environment} ${kind} key` : String(options.name);
  const key = await scope.client.request<SdkKey>('POST', `${scope.base}/flag-sdk-keys`, {
    body: { environment, kind, name },
  });
  printResult(options, key, () =>
    [
      `Created the ${kind} SDK key "${key.name}" for ${environment} of ${scope.name}:`,
      '',
      `  ${key.secret}`,
      '',
      'Store it now: it is not shown again (the server keeps only its hash).',
      kind === 'client'
        ? 'A client key may ship in browsers and mobile apps: it reads evaluated values, never the rules.'
        : 'A server key reads the rules (Unleash SDKs evaluate locally): keep it on the server side.',
    ].join('\n'),
  );
}

async function revoke(id: string, options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  await scope.client.request('DELETE', `${scope.base}/flag-sdk-keys/${encodeURIComponent(id)}`);
  printResult(
    options,
    { id, revoked: true },
    () => `Revoked SDK key ${id}: SDKs using it are refused from now on.`,
  );
}

/** `flags keys list|create|revoke`: the SDK keys applications evaluate flags with. */
export function registerFlagKeyCommands(flags: Command): void {
  const keys = flags
    .command('keys')
    .description('SDK keys: what applications authenticate with to evaluate flags');
  withConnectionOptions(keys.command('list').description("The project's SDK keys (never their secrets)"))
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--env <environment>', 'only keys of this environment')
    .option('--kind <kind>', `only ${kinds.join(' or ')} keys`)
    .action(list);
  withConnectionOptions(
    keys.command('create').description('Create an SDK key for one environment; its secret is printed once'),
  )
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .requiredOption('--env <environment>', 'the environment key, e.g. production')
    .option(
      '--kind <kind>',
      'server (reads rules, evaluates locally) or client (evaluated values only)',
      'server',
    )
    .option('--name <name>', 'what the key is for, e.g. checkout-service')
    .action(create);
  withConnectionOptions(keys.command('revoke').description('Revoke an SDK key'))
    .argument('<id>', 'the key id (`flags keys list` shows it)')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .action(revoke);
}
