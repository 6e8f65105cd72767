import type { Command } from 'commander';
import { printResult, withConnectionOptions } from './api-client.ts';
import { evaluationsText } from './flag-offline-commands.ts';
import {
  contextOf,
  environmentOf,
  type FlagOptions,
  flagPath,
  getFlag,
  listOption,
  optionalText,
  percentOption,
  scopeOf,
  showPercent,
  showValue,
  table,
} from './flag-support.ts';
import type {
  Evaluation,
  FlagDetail,
  FlagMetrics,
  FlagValue,
  ScheduledChange,
  StaleFlag,
} from './flag-types.ts';

/** `other=true`, `plan=gold`, `limit=10`: a value that reads as JSON is that value, anything else a string. */
export function prerequisiteOf(text: string): { flagKey: string; value: FlagValue } {
  const equals = text.indexOf('=');
  if (equals <= 0) return { flagKey: text.trim(), value: true };
  const flagKey = text.slice(0, equals).trim();
  const raw = text.slice(equals + 1).trim();
  let value: FlagValue = raw;
  try {
    const parsed = JSON.parse(raw);
    if (['boolean', 'number', 'string'].includes(typeof parsed)) value = parsed;
  } catch {
    // Not JSON: the variant value as written.
  }
  return { flagKey, value };
}

async function prerequisites(key: string, options: FlagOptions): Promise<void> {
  const requires = Array.isArray(options.requires) ? options.requires.map(String) : [];
  const wanted = requires.flatMap(listOption).map(prerequisiteOf);
  if (wanted.length === 0 && !options.none)
    throw new Error('name the flags it requires (--requires other=true …), or --none to remove them all');
  const scope = await scopeOf(options);
  const flag = await scope.client.request<FlagDetail>('PUT', `${flagPath(scope, key)}/prerequisites`, {
    body: { prerequisites: wanted },
  });
  printResult(options, flag, () =>
    flag.prerequisites.length === 0
      ? `${key} requires no other flag.`
      : `${key} is on only when ${flag.prerequisites.map((prerequisite) => `${prerequisite.flagKey} is ${showValue(prerequisite.value)}`).join(' and ')}.`,
  );
}

/** `2026-12-10T09:00Z=1,2026-12-11T09:00Z=10`: the ramp's steps, in time order. */
export function rampSteps(text: string): { at: string; percentage: number }[] {
  const steps = listOption(text).map((step) => {
    const equals = step.lastIndexOf('=');
    if (equals <= 0) throw new Error(`--steps: "${step}" is not TIME=PERCENT`);
    const at = new Date(step.slice(0, equals));
    if (Number.isNaN(at.getTime())) throw new Error(`--steps: "${step.slice(0, equals)}" is not a time`);
    return { at: at.toISOString(), percentage: percentOption(step.slice(equals + 1), '--steps') };
  });
  if (steps.length === 0) throw new Error('--steps names no step');
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

async function ramp(key: string, options: FlagOptions): Promise<void> {
  const steps = rampSteps(String(options.steps));
  const scope = await scopeOf(options);
  const environment = String(options.env);
  const current = environmentOf(await getFlag(scope, key), environment);
  const ruleId = options.rule === undefined ? current.rules[0]?.id : String(options.rule);
  if (ruleId === undefined)
    throw new Error(`${key} has no rule in ${environment} to ramp: add one with \`shipshape flags set\``);
  const answer = await scope.client.request<ScheduledChange[] | { data: ScheduledChange[] }>(
    'POST',
    `${flagPath(scope, key)}/schedule/ramp`,
    { body: { environment, ruleId, steps } },
  );
  printResult(options, answer, () =>
    [
      `Scheduled ${steps.length} step${steps.length === 1 ? '' : 's'} for rule ${ruleId} of ${key} in ${environment} of ${scope.name}:`,
      ...steps.map((step) => `  ${step.at}  ${showPercent(step.percentage)}`),
    ].join('\n'),
  );
}

/** `flags eval`: the server's own preview on the environment's live configuration. */
async function evaluate(key: string | undefined, options: FlagOptions): Promise<void> {
  const context = await contextOf(options);
  const scope = await scopeOf(options);
  const body = { environment: String(options.env), context };
  if (key === undefined) {
    const answer = await scope.client.request<{ data: Evaluation[] }>(
      'POST',
      `${scope.base}/flags/evaluate`,
      { body },
    );
    printResult(options, answer, () => evaluationsText(answer.data));
    return;
  }
  const evaluation = await scope.client.request<Evaluation>('POST', `${flagPath(scope, key)}/evaluate`, {
    body,
  });
  printResult(options, evaluation, () => evaluationsText([evaluation]));
}

const staleReasons: Record<string, string> = {
  'fully-rolled-out': 'fully rolled out',
  unused: 'not evaluated lately',
  'past-removal-date': 'past its removal date',
};

function staleText(flags: StaleFlag[]): string {
  if (flags.length === 0) return 'No stale flags.';
  const lines: string[] = [];
  for (const flag of flags) {
    const reasons = flag.reasons.map((reason) => staleReasons[reason] ?? reason).join(', ');
    lines.push(
      `${flag.key}: ${reasons} (removal date ${flag.removalDate ?? '—'}, last evaluated ${flag.lastEvaluatedAt ?? 'never'})`,
    );
    if (flag.codeReferences.length === 0) lines.push('  no code references recorded');
    for (const reference of flag.codeReferences)
      lines.push(`  ${reference.path}:${reference.line}${reference.excerpt ? `  ${reference.excerpt}` : ''}`);
  }
  return lines.join('\n');
}

async function stale(options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const flags = await scope.client.listAll<StaleFlag>(`${scope.base}/flags/stale`, {
    ...(options.unusedDays === undefined ? {} : { unusedDays: String(options.unusedDays) }),
  });
  printResult(options, flags, () => staleText(flags));
}

function metricsText(key: string, environment: string, metrics: FlagMetrics): string {
  if (metrics.totals.length === 0) return `${key} has not been evaluated in ${environment} in this period.`;
  const rows = metrics.totals.map((total) => {
    const all = total.yes + total.no;
    return [
      total.variant ?? '—',
      String(total.yes),
      String(total.no),
      all === 0 ? '—' : showPercent((total.yes / all) * 100),
    ];
  });
  return [
    table([['VARIANT', 'ON', 'OFF', 'ON SHARE'], ...rows]),
    `Last evaluated ${metrics.lastEvaluatedAt ?? 'never'}.`,
  ].join('\n');
}

async function metrics(key: string, options: FlagOptions): Promise<void> {
  const scope = await scopeOf(options);
  const environment = String(options.env);
  const answer = await scope.client.request<FlagMetrics>('GET', `${flagPath(scope, key)}/metrics`, {
    query: {
      environment,
      from: optionalText(options.from),
      to: optionalText(options.to),
      bucket: optionalText(options.bucket),
    },
  });
  printResult(options, answer, () => metricsText(key, environment, answer));
}

/** Adds prerequisites, ramp, eval, stale and metrics to `flags`. */
export function registerFlagChangeCommands(flags: Command): void {
  const project = ['--project <key or id>', 'the project, e.g. PAY'] as const;
  withConnectionOptions(
    flags
      .command('prerequisites')
      .description('Set the flags a flag requires (replaces them; a cycle is refused)'),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...project)
    .option('--requires <flag=value...>', 'a flag it requires and the value it must have, e.g. checkout=true')
    .option('--none', 'remove every prerequisite')
    .action(prerequisites);
  withConnectionOptions(
    flags.command('ramp').description("Schedule a rule's rollout to grow at the given times"),
  )
    .argument('<key>', 'the flag key')
    .requiredOption(...project)
    .requiredOption('--env <environment>', 'the environment key')
    .requiredOption(
      '--steps <steps>',
      'TIME=PERCENT, comma-separated, e.g. 2026-12-10T09:00Z=1,2026-12-11T09:00Z=10',
    )
    .option('--rule <id>', 'the rule (default: the first)')
    .action(ramp);
  withConnectionOptions(
    flags
      .command('eval')
      .description("Ask the server what a flag serves a context (a preview on the environment's live rules)"),
  )
    .argument('[key]', 'the flag key (default: every flag)')
    .requiredOption(...project)
    .requiredOption('--env <environment>', 'the environment key')
    .option('--context <json>', 'the evaluation context, e.g. \'{"userId":"42"}\'')
    .option('--context-file <file>', 'the evaluation context from a JSON or YAML file')
    .action(evaluate);
  withConnectionOptions(
    flags
      .command('stale')
      .description(
        'Flags to remove: fully rolled out, unused, or past their removal date, with their code references',
      ),
  )
    .requiredOption(...project)
    .option('--unused-days <days>', 'days without an evaluation that make a flag unused (default 30)')
    .action(stale);
  withConnectionOptions(flags.command('metrics').description('How often a flag was evaluated, per variant'))
    .argument('<key>', 'the flag key')
    .requiredOption(...project)
    .requiredOption('--env <environment>', 'the environment key')
    .option('--from <time>', 'start of the period (ISO 8601)')
    .option('--to <time>', 'end of the period (ISO 8601)')
    .option('--bucket <bucket>', 'hour or day')
    .action(metrics);
}
