import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * A table of rows under a header of column names; the caller renders the rows. On a phone
 * (narrower than 760 px) each row becomes a card, every cell under its column's name: cells get
 * that name as `data-label` here, unless the caller gave one (pass `stacked={false}` to keep a
 * table that scrolls sideways instead).
 */
export function ListTable(props: {
  columns: readonly string[];
  caption?: string;
  stacked?: boolean;
  children: ReactNode;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const { columns } = props;
  // Runs after every render: rows come and go with the caller's data.
  useLayoutEffect(() => {
    for (const row of Array.from(body.current?.rows ?? [])) {
      Array.from(row.cells).forEach((cell, index) => {
        const label = columns[index];
        if (label && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', label);
      });
    }
  });
  return (
    <table className={props.stacked === false ? 'list' : 'list stacked'}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>{props.children}</tbody>
    </table>
  );
}
