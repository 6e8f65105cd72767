import type { FieldDescription, PlanRow } from './form-fields';
import { type TableKey, useReferenceChoices } from './queries';
import type { AreaDescription } from './types';

/** The rows a reference field may point to, with the name each is known by. */
export function useReferenceRows(projectId: string, area: AreaDescription, field: FieldDescription) {
  const target = area.tables.find((table) => table.name === field.references?.table);
  const key: TableKey = { projectId, area: area.slug, table: target?.name ?? '' };
  const rows = useReferenceChoices(key, target);
  const nameField = target?.nameField ?? 'id';
  const nameOf = (row: PlanRow) => String(row[nameField] ?? row.id);
  const choices = (rows.data ?? []).map((row) => ({ value: row.id, label: nameOf(row) }));
  return { rows, choices, nameOf: (id: string) => choices.find((choice) => choice.value === id)?.label };
}
