import { AppError } from '../../core/errors/app-error.ts';
import { rules } from '../../engines/sql-lint/index.ts';

/** Every rule of the engine's catalogue, as GET /migrations/rules shows it: a fixed list, one page. */
export function listRules() {
  const data = rules.map(({ id, severity, title, why, recipe, lock, versions, examples }) => ({
    id,
    severity,
    title,
    why,
    recipe,
    lock,
    versions: versions ?? null,
    examples,
  }));
  return { data, nextCursor: null };
}

/** Rule ids must name rules of the catalogue: 400 naming each unknown one. */
export function assertKnownRules(ids: readonly string[] | undefined, field: string): void {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = (ids ?? []).flatMap((id, index) => (known.has(id) ? [] : [{ id, index }]));
  if (unknown.length === 0) return;
  throw new AppError(
    'validation_failed',
    `No lint rule ${unknown.map(({ id }) => id).join(', ')} (GET /api/v1/migrations/rules lists them).`,
    {
      code: 'migrations.unknown_rule',
      errors: unknown.map(({ id, index }) => ({ path: `${field}.${index}`, message: `no rule ${id}` })),
    },
  );
}
