'use client';

import { Button, Group, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/app/_trpc/client';
import { PagedResults } from '@/app/_components/PagedResults';
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
      <OrderFilters state={state} update={update} customerName={orders.data?.items[0]?.customerName} />
      <PagedResults
        query={orders}
        noun={{ one: 'order', other: 'orders' }}
        pageSize={PAGE_SIZE}
        page={state.page}
        onPage={(page) => update({ page })}
        pagesLabel="Order pages"
        empty={
          filtered
            ? { title: 'No order matches these filters', description: 'Widen the filters to see more.' }
            : { title: 'No orders yet', description: 'Orders placed by staff show up here.' }
        }
      >
        {(items) => <OrdersTable orders={items} caption="Orders" />}
      </PagedResults>
    </Stack>
  );
}
