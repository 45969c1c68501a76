import { Card, Table, TableTbody, TableTd, TableTfoot, TableTh, TableThead, TableTr, Text, Title } from '@mantine/core';
import type { WarehouseStock } from '@/db/read/schema';

const units = (n: number) => n.toLocaleString('en-US');

export function StockByWarehouse({ stock, total }: { stock: WarehouseStock[]; total: number }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" id="stock-title">
        Stock per warehouse
      </Title>
      {stock.length === 0 ? (
        <Text c="dimmed" mt="xs">
          Never stocked in any warehouse.
        </Text>
      ) : (
        <Table mt="xs" aria-labelledby="stock-title" data-testid="stock-table">
          <TableThead>
            <TableTr>
              <TableTh>Warehouse</TableTh>
              <TableTh>Code</TableTh>
              <TableTh ta="right">Units</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {stock.map((row) => (
              <TableTr key={row.warehouseId}>
                <TableTd>{row.name}</TableTd>
                <TableTd>{row.code}</TableTd>
                <TableTd ta="right">{units(row.quantity)}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
          <TableTfoot>
            <TableTr>
              <TableTh colSpan={2}>Total</TableTh>
              <TableTh ta="right" data-testid="stock-total">
                {units(total)}
              </TableTh>
            </TableTr>
          </TableTfoot>
        </Table>
      )}
    </Card>
  );
}
