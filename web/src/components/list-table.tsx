import type { ReactNode } from 'react';

/** A table of rows under a header of column names; the caller renders the rows. */
export function ListTable(props: { columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="list">
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
