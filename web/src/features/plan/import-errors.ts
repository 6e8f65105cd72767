/** One problem of an import, placed: which area, table, row (from 0) and field. */
export interface ImportProblem {
  area: string;
  table: string;
  row: number | null;
  field: string;
  message: string;
}

const placed = /^(?:body\.)?areas(?:\.([^.]+))?(?:\.([^.]+))?(?:\.(\d+))?(?:\.(?:values\.)?(.+))?$/;

/** The `errors[]` of a refused import's problem, each placed by its path (`areas.a.t.3.values.name`). */
export function importProblemsOf(errors: unknown): ImportProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const path = 'path' in item ? String(item.path) : '';
    const message = 'message' in item ? String(item.message) : '';
    const match = placed.exec(path);
    if (!match) return [{ area: '', table: '', row: null, field: path, message }];
    const [, area = '', table = '', row, field = ''] = match;
    return [{ area, table, row: row === undefined ? null : Number(row), field, message }];
  });
}
