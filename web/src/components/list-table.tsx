import type { ReactNode } from 'react';

/**
 * A table of rows under a header of column names; the caller renders the rows. A `stacked` table
 * turns each row into a card on a phone, every cell under its column's name (its `data-label`).
 */
export function ListTable(props: {
  columns: readonly string[];
  caption?: string;
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <table className={props.stacked ? 'list stacked' : 'list'}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
