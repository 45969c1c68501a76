import { Alert, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCustomerInput } from '@/server/queries/getCustomer.input';
import { orNotFound, serverCaller } from '@/app/_trpc/server';
import { DateTime } from '@/app/_components/DateTime';
import { AnchorLink, ButtonLink } from '@/app/_components/links';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { OrdersTable } from '@/app/(admin)/orders/OrdersTable';
import { AdminOnly } from '@/app/(admin)/AdminOnly';
import { LifetimeValue } from '@/app/(admin)/customers/LifetimeValue';
import { OrdersPagination } from './OrdersPagination';

export const metadata: Metadata = { title: 'Customer' };

const ORDERS_PER_PAGE = 50;

export default async function CustomerPage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string; page?: string }> }) {
  const { id } = await props.params;
  const { after, page } = await props.searchParams;
  const input = getCustomerInput.safeParse({ id, after, ordersPage: Math.max(1, Math.floor(Number(page)) || 1), ordersPageSize: ORDERS_PER_PAGE });
  if (!input.success) notFound();
  const caller = await serverCaller();
  const answer = await orNotFound(caller.customers.get(input.data));
  if (!answer) {
    if (after) {
      return (
        <Alert color="yellow" role="status" title="Not visible yet">
          This customer was saved, but the read model has not caught up yet. Reload in a moment.
        </Alert>
      );
    }
    notFound();
  }
  const { customer, orders, fresh } = answer;
  return (
    <Stack>
      <NotFreshAlert fresh={fresh} />
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{customer.name}</Title>
          <Text c="dimmed" size="sm">
            {customer.email} · customer since <DateTime value={customer.createdAt} withTime={false} />
          </Text>
        </div>
        <AdminOnly>
          <ButtonLink href={`/orders/new?customer=${customer.id}`}>New order for {customer.name}</ButtonLink>
        </AdminOnly>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Orders
          </Text>
          <Text size="xl" fw={700} data-testid="customer-order-count">
            {customer.orderCount}
          </Text>
          <Text size="xs" c="dimmed">
            cancelled ones included
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Lifetime value
          </Text>
          <Text size="xl" fw={700} data-testid="customer-lifetime-value">
            <LifetimeValue amounts={customer.lifetimeValue} />
          </Text>
          <Text size="xs" c="dimmed">
            orders not cancelled
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Last order
          </Text>
          <Text size="xl" fw={700}>
            {customer.lastOrderAt ? <DateTime value={customer.lastOrderAt} /> : 'Never'}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder component="section" aria-labelledby="customer-orders-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="customer-orders-title">
            Their orders
          </Title>
          {orders.total > 0 && (
            <Text size="sm" c="dimmed">
              {orders.total} {orders.total === 1 ? 'order' : 'orders'}, newest first ·{' '}
              <AnchorLink href={`/orders?customer=${customer.id}`} size="sm">
                filter in the orders list
              </AnchorLink>
            </Text>
          )}
        </Group>
        {orders.items.length === 0 ? (
          <EmptyState title="No orders yet" size="sm" />
        ) : (
          <OrdersTable orders={orders.items} showCustomer={false} caption={`Orders of ${customer.name}`} />
        )}
        <OrdersPagination total={Math.ceil(orders.total / orders.pageSize)} page={orders.page} />
      </Card>
    </Stack>
  );
}
