import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { printResult, withConnectionOptions } from './api-client.ts';
import { registerFlagChangeCommands } from './flag-change-commands.ts';
import { registerFlagKeyCommands } from './flag-key-commands.ts';
import { registerFlagOfflineCommands } from './flag-offline-commands.ts';
import {
  environmentOf,
  type FlagOptions,
  flagPath,
  getFlag,
  isRecord,
  percentOption,
  readDataFile,
  scopeOf,
  showPercent,
  showValue,
  table,
  typedValue,
  variantsOf,
} from './flag-support.ts';
import type {
  FlagDetail,
  FlagEnvironmentConfig,
  FlagEnvironmentSummary,
  FlagSummary,
  FlagValue,
  Variant,
} from './flag-types.ts';

/** `off`, `on` (everyone), `on 12.5%` (one rule, at that rollout), `on, 3 rules`. */
function stateOf(environment: Pick<FlagEnvironmentSummary, 'enabled' | 'rollout' | 'rulesCount'>): string {
  if (!environment.enabled) return 'off';
  if (environment.rulesCount === 0) return 'on';
  if (environment.rulesCount > 1) return `on, ${environment.rulesCount} rules`;
  return `on ${showPercent(environment.rollout)}`;
}

function listText(flags: FlagSummary[], environment: string | undefined): string {
  if (flags.length === 0) return 'No flags.';
  const environments = [
    ...new Set(flags.flatMap((flag) => flag.environments.map((entry) => entry.environment))),
  ].filter((name) => environment === undefined || name === environment);
  const rows = flags.map((flag) => [
    flag.key,
    flag.kind,
    flag.valueType,
    flag.owner ?? '—',
    ...environments.map((name) => {
      const entry = flag.environments.find((candidate) => candidate.environment === name);
      return entry ? stateOf(entry) : '—';
    }),
    [flag.stale ? 'stale' : '', flag.critical ? 'critical' : ''].filter(Boolean).join(', '),
  ]);
  return table([
    ['KEY', 'KIND', 'TYPE', 'OWNER', ...environments.map((name) => name.toUpperCase()), ''],
    ...rows,
  ]);
}

async function list(options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const environment = options.env === undefined ? undefined : String(options.env);
  const flags = await scope.client.listAll<FlagSummary>(`${scope.base}/flags`, {
    ...(options.q === undefined ? {} : { q: String(options.q) }),
  });
  printResult(options, flags, () => listText(flags, environment));
}

function environmentText(config: FlagEnvironmentConfig): string[] {
  const summary = { ...config, rulesCount: config.rules.length, rollout: config.rules[0]?.rollout ?? 100 };
  const lines = [
    `  ${config.environment}${config.production ? ' (production)' : ''}: ${stateOf(summary)}, default ${showValue(config.defaultValue)}, version ${config.version}`,
  ];
  for (const rule of config.rules) {
    const who = [
      ...rule.constraints.map((constraint) =>
        `${constraint.contextName} ${constraint.inverted ? 'NOT ' : ''}${constraint.operator} ${constraint.values?.join(',') ?? constraint.value ?? ''}`.trim(),
      ),
      ...rule.segments.map((segment) => `segment ${segment}`),
    ];
    const serves = rule.variants?.length
      ? `, variants ${rule.variants.map((variant) => variant.name).join('/')}`
      : '';
    lines.push(
      `    rule ${rule.id}${rule.disabled ? ' (disabled)' : ''}: ${who.join(' and ') || 'everyone'}, ${showPercent(rule.rollout)} by ${rule.stickiness}${serves}`,
    );
  }
  if (config.variants.length > 0)
    lines.push(
      `    variants: ${config.variants.map((variant) => `${variant.name}=${showValue(variant.value)} (${variant.weight})`).join(', ')}`,
    );
  return lines;
}

export function detailText(flag: FlagDetail): string {
  const lines = [
    `${flag.key}: ${flag.kind} flag, ${flag.valueType}, ${flag.status}${flag.critical ? ', critical' : ''}`,
  ];
  if (flag.description) lines.push(`  ${flag.description}`);
  lines.push(`  owner ${flag.owner ?? '—'}, removal date ${flag.removalDate ?? '—'}`);
  if (flag.prerequisites.length > 0)
    lines.push(
      `  requires ${flag.prerequisites.map((prerequisite) => `${prerequisite.flagKey}=${showValue(prerequisite.value)}`).join(', ')}`,
    );
  if (flag.lastKilledAt) lines.push(`  last killed ${flag.lastKilledAt}`);
  lines.push(`  last evaluated ${flag.lastEvaluatedAt ?? 'never'}${flag.stale ? ' (stale)' : ''}`);
  for (const config of flag.environments) lines.push(...environmentText(config));
  return lines.join('\n');
}

async function show(key: string, options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const flag = await getFlag(scope, key);
  printResult(options, flag, () => detailText(flag));
}

/** What a new flag serves: its variants, and a default that is false or, for the other types, the first variant. */
function defaultsOf(type: string, options: FlagOptions): { variants?: Variant[]; defaultValue?: FlagValue } {
  const variants = variantsOf(Array.isArray(options.variant) ? options.variant.map(String) : [], type);
  const defaultValue =
    options.default !== undefined
      ? typedValue(String(options.default), type, '--default')
      : type === 'boolean'
        ? undefined
        : variants[0]?.value;
  return {
    ...(variants.length === 0 ? {} : { variants }),
    ...(defaultValue === undefined ? {} : { defaultValue }),
  };
}

async function create(key: string, options: FlagOptions): Promise<void> {
  const type = String(options.type ?? 'boolean');
  const scope = await scopeOf(options);
  const body = {
    key,
    kind: String(options.kind),
    valueType: type,
    ...(options.description === undefined ? {} : { description: String(options.description) }),
    ...(options.owner === undefined ? {} : { owner: String(options.owner) }),
    ...(options.removalDate === undefined ? {} : { removalDate: String(options.removalDate) }),
    ...(options.critical ? { critical: true } : {}),
    ...(options.killSwitch ? { killSwitch: true } : {}),
    ...defaultsOf(type, options),
  };
  const flag = await scope.client.request<FlagDetail>('POST', `${scope.base}/flags`, { body });
  printResult(options, flag, () => {
    const environments = flag.environments.map((config) => config.environment).join(', ');
    const article = /^[aeiou]/.test(flag.kind ?? '') ? 'an' : 'a';
    return `Created ${flag.key} in ${scope.name}: ${article} ${flag.kind} flag serving ${flag.valueType}, off in ${environments}.\nNext: shipshape flags set ${flag.key} --project ${scope.name} --env <env> --file rules.yaml`;
  });
}

/** The fields a rules file may hold; the ones left out keep their current value. */
const configFields = ['enabled', 'rules', 'variants', 'defaultValue'] as const;

async function set(key: string, options: FlagOptions): Promise<void> {
  const file = String(options.file);
  const wanted = await readDataFile(file);
  if (!isRecord(wanted)) throw new Error(`${file} must hold an object with ${configFields.join(', ')}`);
  const unknown = Object.keys(wanted).filter((field) => !configFields.some((known) => known === field));
  if (unknown.length > 0)
    throw new Error(
      `${file}: unknown field ${unknown.join(', ')} (a rules file holds ${configFields.join(', ')})`,
    );
  const scope = await scopeOf(options);
  const environment = String(options.env);
  const current = environmentOf(await getFlag(scope, key), environment);
  const body = Object.fromEntries(configFields.map((field) => [field, wanted[field] ?? current[field]]));
  const saved = await scope.client.request<FlagEnvironmentConfig>(
    'PUT',
    `${flagPath(scope, key)}/environments/${encodeURIComponent(environment)}`,
    { body, headers: { 'if-match': `"v${current.version}"` } },
  );
  printResult(options, saved, () =>
    [
      `Saved ${key} in ${environment} of ${scope.name} (version ${saved.version}):`,
      ...environmentText(saved),
    ].join('\n'),
  );
}

/**
 * Production changes are confirmed: on a terminal by a question, elsewhere (scripts, CI) by --yes,
 * so that no pipeline flips production by accident.
 */
async function confirmProduction(question: string, options: FlagOptions): Promise<void> {
  if (options.yes) return;
  if (!process.stdin.isTTY)
    throw new Error('this changes a production environment: add --yes to confirm when not on a terminal');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new Error('cancelled: nothing changed');
  } finally {
    prompt.close();
  }
}

async function toggle(key: string, enabled: boolean, options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const environment = String(options.env);
  const current = environmentOf(await getFlag(scope, key), environment);
  if (current.production)
    await confirmProduction(
      `Turn ${key} ${enabled ? 'on' : 'off'} in ${environment} of ${scope.name}, a production environment?`,
      options,
    );
  const saved = await scope.client.request<FlagEnvironmentConfig>(
    'PATCH',
    `${flagPath(scope, key)}/environments/${encodeURIComponent(environment)}`,
    { body: { enabled } },
  );
  printResult(
    options,
    saved,
    () => `${key} is ${enabled ? 'on' : 'off'} in ${environment} of ${scope.name}.`,
  );
}

async function rollout(key: string, options: FlagOptions): Promise<void> {
  const percentage = percentOption(options.percent, '--percent');
  const scope = await scopeOf(options);
  const environment = String(options.env);
  const current = environmentOf(await getFlag(scope, key), environment);
  const ruleId = options.rule === undefined ? current.rules[0]?.id : String(options.rule);
  if (ruleId === undefined)
    throw new Error(
      `${key} has no rule in ${environment} to roll out: add one with \`shipshape flags set\` (a rule with no constraints selects everyone)`,
    );
  const saved = await scope.client.request<FlagEnvironmentConfig>(
    'PATCH',
    `${flagPath(scope, key)}/environments/${encodeURIComponent(environment)}`,
    { body: { rollout: { ruleId, percentage } } },
  );
  printResult(options, saved, () => {
    const state = saved.enabled
      ? ''
      : ` (the flag is off in ${environment}: \`shipshape flags on\` serves it)`;
    return `Rule ${ruleId} of ${key} now admits ${showPercent(percentage)} in ${environment} of ${scope.name}${state}.`;
  });
}

async function kill(key: string, options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const flag = await scope.client.request<FlagDetail>('POST', `${flagPath(scope, key)}/kill`, {
    body: { reason: String(options.reason) },
  });
  printResult(
    options,
    flag,
    () =>
      `Killed ${flag.key} in ${scope.name}: off in ${flag.environments.map((config) => config.environment).join(', ')} (at ${flag.lastKilledAt ?? 'now'}).`,
  );
}

const projectOption = ['--project <key or id>', 'the project, e.g. PAY'] as const;
const environmentOption = ['--env <environment>', 'the environment key, e.g. production'] as const;

function registerReadCommands(flags: Command): void {
  withConnectionOptions(
    flags.command('list').description("The project's flags and their state per environment"),
  )
    .requiredOption(...projectOption)
    .option('--env <environment>', 'only this environment')
    .option('--q <text>', 'only flags whose key or description holds this text')
    .action(list);
  withConnectionOptions(
    flags.command('show').description('One flag: its plan fields, prerequisites and rules per environment'),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...projectOption)
    .action(show);
}

function registerWriteCommands(flags: Command): void {
  withConnectionOptions(
    flags.command('create').description('Add a flag to the plan, off in every environment'),
  )
    .argument('<key>', 'the flag key, as the code reads it')
    .requiredOption(...projectOption)
    .requiredOption('--kind <kind>', 'release, experiment, ops, permission or kill-switch')
    .option('--type <type>', 'what it serves: boolean, string, number or json (default boolean)')
    .option('--description <text>', 'what the flag guards and why')
    .option('--owner <owner>', 'the team or person who decides on it and removes it')
    .option('--removal-date <date>', 'when the flag is to be removed (YYYY-MM-DD)')
    .option(
      '--variant <name=value...>',
      'a variant it serves, e.g. green=#1a7f37 (string, number and json flags need one); equal weights',
    )
    .option(
      '--default <value>',
      'served when off or when no rule selects the context (default: false, or the first variant)',
    )
    .option('--critical', 'its kill switch must be exercised every 90 days')
    .option('--kill-switch', 'turning it off is the planned way to stop the feature in an incident')
    .action(create);
  withConnectionOptions(
    flags.command('set').description("Replace a flag's configuration in one environment from a file"),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...projectOption)
    .requiredOption(...environmentOption)
    .requiredOption(
      '--file <file>',
      'YAML or JSON with enabled, rules, variants, defaultValue (fields left out stay)',
    )
    .action(set);
  for (const [name, enabled] of [
    ['on', true],
    ['off', false],
  ] as const)
    withConnectionOptions(
      flags.command(name).description(`Turn a flag ${name} in one environment (production asks first)`),
    )
      .argument('<key>', 'the flag key')
      .requiredOption(...projectOption)
      .requiredOption(...environmentOption)
      .option('--yes', 'confirm a production change without asking (needed when not on a terminal)')
      .action((key: string, options: FlagOptions) => toggle(key, enabled, options));
  withConnectionOptions(
    flags.command('rollout').description("Set the share of a rule's audience that gets the flag"),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...projectOption)
    .requiredOption(...environmentOption)
    .requiredOption('--percent <percent>', '0 to 100, in steps of 0.01 (e.g. 12.5 or 0.05)')
    .option('--rule <id>', 'the rule (default: the first)')
    .action(rollout);
  withConnectionOptions(
    flags
      .command('kill')
      .description('Turn a flag off in every environment at once, with the reason (audited)'),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...projectOption)
    .requiredOption('--reason <text>', 'why, for the audit log')
    .action(kill);
}

/** `shipshape flags …`: the plan's flags as they run, per environment. */
export function registerFlagCommands(program: Command): void {
  const flags = program
    .command('flags')
    .description('Feature flags: evaluate, scan the code, and read or change them on the server');
  registerFlagOfflineCommands(flags);
  registerReadCommands(flags);
  registerWriteCommands(flags);
  registerFlagChangeCommands(flags);
  registerFlagKeyCommands(flags);
}
