import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/ui';
import { CellValue } from './cell-value';
import type { FieldDescription, PlanRow } from './form-fields';
import { useRowMutations } from './queries';
import { RowForm } from './row-form';
import type { AreaDescription, TableDescription } from './types';

/**
 * One row of a table, and under it its form when it is open. An open row is highlighted and
 * scrolled to, so that a link to it (`?row=`) lands on it.
 */
export function RowLine(props: {
  projectId: string;
  area: AreaDescription;
  table: TableDescription;
  columns: FieldDescription[];
  row: PlanRow;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { projectId, area, table, row, open } = props;
  const line = useRef<HTMLTableRowElement>(null);
  const name = String(row[table.nameField] ?? row.id);
  useEffect(() => {
    if (open) line.current?.scrollIntoView({ block: 'center' });
  }, [open]);
  return (
    <>
      <tr ref={line} className={open ? 'plan-highlight' : undefined} aria-current={open ? 'true' : undefined}>
        {props.columns.map((field) => (
          <td key={field.name} data-label={field.label}>
            <CellValue projectId={projectId} area={area} field={field} value={row[field.name]} />
          </td>
        ))}
        <td data-label="Actions">
          <RowActions {...props} name={name} />
        </td>
      </tr>
      {open ? (
        <tr className="plan-editor">
          <td colSpan={props.columns.length + 1}>
            <RowForm
              key={`${row.id}-${row.version}`}
              projectId={projectId}
              area={area}
              table={table}
              row={row}
              onDone={() => props.onOpen(false)}
              onCancel={() => props.onOpen(false)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Edit, and Delete after a confirmation that names the row. */
function RowActions(props: {
  projectId: string;
  area: AreaDescription;
  table: TableDescription;
  row: PlanRow;
  name: string;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { remove } = useRowMutations({
    projectId: props.projectId,
    area: props.area.slug,
    table: props.table.name,
  });
  if (confirming) {
    return (
      <div className="actions">
        <span>Delete {props.name}?</span>
        <button
          type="button"
          className="danger"
          onClick={() => remove.mutate(props.row, { onSuccess: () => props.open && props.onOpen(false) })}
          disabled={remove.isPending}
        >
          Yes, delete
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Keep
        </button>
        <FormError error={remove.error} />
      </div>
    );
  }
  return (
    <div className="actions">
      <button
        type="button"
        aria-expanded={props.open}
        aria-label={`Edit ${props.name}`}
        onClick={() => props.onOpen(!props.open)}
      >
        Edit
      </button>
      <button type="button" aria-label={`Delete ${props.name}`} onClick={() => setConfirming(true)}>
        Delete
      </button>
    </div>
  );
}
