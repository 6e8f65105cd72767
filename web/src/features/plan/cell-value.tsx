import { When } from '../../components/ui';
import type { FieldDescription } from './form-fields';
import { useReferenceRows } from './references';
import type { AreaDescription } from './types';

/** A field's value in a table cell: references by name, yes/no, enum values as words, times localised. */
export function CellValue(props: {
  projectId: string;
  area: AreaDescription;
  field: FieldDescription;
  value: unknown;
}) {
  const { field, value } = props;
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (field.type === 'reference' && typeof value === 'string')
    return <ReferenceName projectId={props.projectId} area={props.area} field={field} id={value} />;
  if (field.type === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (field.type === 'datetime') return <When at={value} />;
  if (field.type === 'enum') return <>{String(value).replace(/-/g, ' ')}</>;
  if (Array.isArray(value)) return <>{value.join(', ') || '—'}</>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function ReferenceName(props: {
  projectId: string;
  area: AreaDescription;
  field: FieldDescription;
  id: string;
}) {
  const { nameOf } = useReferenceRows(props.projectId, props.area, props.field);
  return <>{nameOf(props.id) ?? props.id.slice(0, 8)}</>;
}
