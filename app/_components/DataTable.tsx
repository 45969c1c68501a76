import { Table, TableTbody, TableTd, TableTh, TableThead, TableTr, type TableProps, type TableTdProps, type TableThProps, type TableTrProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';

/** One column of a `DataTable`: its header and what each row shows in it. */
export interface Column<Row> {
  header: ReactNode;
  /** Right-aligns the header and the cells, as for figures. */
  numeric?: boolean;
  /** More props for the header cell, e.g. a width. */
  th?: TableThProps;
  /** More props for each cell, the same for all rows or per row. */
  td?: TableTdProps | ((row: Row) => TableTdProps);
  cell: (row: Row) => ReactNode;
}

type RowProps = TableTrProps & { [data: `data-${string}`]: string | undefined };

/**
 * A table described by its columns: a header row, then a row per item. `leadingRows` go
 * before the items (e.g. one that is not there yet); the other props are the table's own.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowProps,
  leadingRows,
  ...table
}: TableProps & {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  rowProps?: (row: Row) => RowProps;
  leadingRows?: ReactNode;
}) {
  return (
    <Table {...table}>
      <TableThead>
        <TableTr>
          {columns.map((column, i) => (
            <TableTh key={i} ta={column.numeric ? 'right' : undefined} {...column.th}>
              {column.header}
            </TableTh>
          ))}
        </TableTr>
      </TableThead>
      <TableTbody>
        {leadingRows}
        {rows.map((row) => (
          <TableTr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((column, i) => (
              <TableTd key={i} ta={column.numeric ? 'right' : undefined} {...(typeof column.td === 'function' ? column.td(row) : column.td)}>
                {column.cell(row)}
              </TableTd>
            ))}
          </TableTr>
        ))}
      </TableTbody>
    </Table>
  );
}
