'use client';

import { Anchor, Table, Text } from '@mantine/core';
import Link from 'next/link';
import type { OrderListItem } from '@/server/queries/orderView';
import { DateTime } from '@/app/_components/DateTime';
import { formatMoney } from '@/app/_components/money';
import { OrderStatusBadge } from './OrderStatusBadge';
import { shortId } from './shortId';

export function OrdersTable({ orders, showCustomer = true, caption }: { orders: OrderListItem[]; showCustomer?: boolean; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption} data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            <Table.Th>Placed</Table.Th>
            {showCustomer && <Table.Th>Customer</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Items</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id} data-testid="order-row">
              <Table.Td>
                <Anchor component={Link} href={`/orders/${order.id}`} ff="monospace" aria-label={`Order ${shortId(order.id)}`}>
                  {shortId(order.id)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DateTime value={order.placedAt} />
              </Table.Td>
              {showCustomer && (
                <Table.Td>
                  <Anchor component={Link} href={`/customers/${order.customerId}`} size="sm">
                    {order.customerName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {order.customerEmail}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <OrderStatusBadge status={order.status} size="sm" />
              </Table.Td>
              <Table.Td ta="right">
                {order.itemCount} in {order.lineCount} {order.lineCount === 1 ? 'line' : 'lines'}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatMoney(order.totalCents, order.currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
