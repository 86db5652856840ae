// SPDX-License-Identifier: Apache-2.0
// A table of records that scrolls sideways on narrow screens: a caption for screen readers,
// a header cell per column, and, where rows have buttons, a last column named "Actions" for
// screen readers only. The rows are the children.
import type { ReactNode } from 'react';

export function DataTable(props: {
  /** What the table lists, read by screen readers (the page shows it in its heading). */
  caption: ReactNode;
  columns: readonly string[];
  /** Whether the rows end in a cell of buttons. */
  actions?: boolean;
  dense?: boolean;
  children: ReactNode;
}) {
  const { caption, columns, actions = false, dense = false, children } = props;
  return (
    <div className="table-scroll">
      <table className={dense ? 'table table-dense' : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
