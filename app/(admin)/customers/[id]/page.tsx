import { EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { getCustomerInput } from '@/server/queries/getCustomer.input';
import { pageAnswer } from '@/app/_trpc/pageAnswer';
import { DateTime } from '@/app/_components/DateTime';
import { FigureCard } from '@/app/_components/Figure';
import { AnchorLink, ButtonLink } from '@/app/_components/links';
import { NotFreshAlert } from '@/app/_components/NotFreshAlert';
import { NotVisibleYet } from '@/app/_components/NotVisibleYet';
import { SectionCard } from '@/app/_components/SectionCard';
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
  const answer = await pageAnswer(input, (caller, valid) => caller.customers.get(valid));
  if (!answer) return <NotVisibleYet what="customer" />;
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
        <FigureCard label="Orders" value={customer.orderCount} testId="customer-order-count" note="cancelled ones included" />
        <FigureCard
          label="Lifetime value"
          value={<LifetimeValue amounts={customer.lifetimeValue} />}
          testId="customer-lifetime-value"
          note="orders not cancelled"
        />
        <FigureCard label="Last order" value={customer.lastOrderAt ? <DateTime value={customer.lastOrderAt} /> : 'Never'} />
      </SimpleGrid>
      <SectionCard
        titleId="customer-orders-title"
        title="Their orders"
        aside={
          orders.total > 0 && (
            <Text size="sm" c="dimmed">
              {orders.total} {orders.total === 1 ? 'order' : 'orders'}, newest first ·{' '}
              <AnchorLink href={`/orders?customer=${customer.id}`} size="sm">
                filter in the orders list
              </AnchorLink>
            </Text>
          )
        }
      >
        {orders.items.length === 0 ? (
          <EmptyState title="No orders yet" size="sm" />
        ) : (
          <OrdersTable orders={orders.items} showCustomer={false} caption={`Orders of ${customer.name}`} />
        )}
        <OrdersPagination total={Math.ceil(orders.total / orders.pageSize)} page={orders.page} />
      </SectionCard>
    </Stack>
  );
}
