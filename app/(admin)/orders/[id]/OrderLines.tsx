'use client';

import { Anchor, Table, Text } from '@mantine/core';
import Link from 'next/link';
import type { OrderLineView } from '@/server/queries/orderView';
import { formatMoney } from '@/app/_components/money';

export function OrderLines({ lines, currency, totalCents }: { lines: OrderLineView[]; currency: string; totalCents: number }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Order lines" data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Line total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.lineNo} data-testid="order-line">
              <Table.Td>{line.lineNo}</Table.Td>
              <Table.Td>
                <Anchor component={Link} href={`/products/${line.productId}`}>
                  {line.name ?? 'Unknown product'}
                </Anchor>
                <Text size="xs" c="dimmed">
                  SKU {line.sku ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(line.unitPriceCents, currency)}</Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right">{formatMoney(line.lineTotalCents, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={4} ta="right">
              Total
            </Table.Th>
            <Table.Th ta="right" data-testid="order-total">
              {formatMoney(totalCents, currency)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
