'use client';

import { Alert, Button, EmptyState, Group, Loader, Pagination, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/app/_trpc/client';
import { useUrlState } from '@/app/_components/useUrlState';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { OrderFilters } from './OrderFilters';
import { ordersListInput, ordersListSearch, parseOrdersListState, PAGE_SIZE } from './ordersListState';
import { OrdersTable } from './OrdersTable';

export function OrdersList() {
  const trpc = useTRPC();
  const user = useCurrentUser();
  const [state, update] = useUrlState(parseOrdersListState, ordersListSearch, { resetPage: true });
  const orders = useQuery(trpc.orders.list.queryOptions(ordersListInput(state), { placeholderData: keepPreviousData }));
  const result = orders.data;
  const totalPages = result ? Math.ceil(result.total / PAGE_SIZE) : 0;
  const filtered = state.status.length > 0 || state.q || state.customerId || state.from || state.to;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Orders</Title>
        {user.role === 'admin' && (
          <Button component={Link} href="/orders/new">
            New order
          </Button>
        )}
      </Group>
      <OrderFilters state={state} update={update} customerName={result?.items[0]?.customerName} />
      {orders.isError && (
        <Alert color="red" role="alert" title="The orders could not be loaded">
          {orders.error.message}
        </Alert>
      )}
      {orders.isPending && <Skeleton height={320} aria-label="Loading orders" />}
      {result && (
        <Group gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {result.total} {result.total === 1 ? 'order' : 'orders'}
          </Text>
          {orders.isFetching && <Loader size="xs" aria-label="Updating" />}
        </Group>
      )}
      {result && result.items.length === 0 && (
        <EmptyState
          title={filtered ? 'No order matches these filters' : 'No orders yet'}
          description={filtered ? 'Widen the filters to see more.' : 'Orders placed by staff show up here.'}
        />
      )}
      {result && result.items.length > 0 && <OrdersTable orders={result.items} caption="Orders" />}
      {totalPages > 1 && <Pagination total={totalPages} value={state.page} onChange={(page) => update({ page })} aria-label="Order pages" />}
    </Stack>
  );
}
