'use client';

import { Badge, CloseButton, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import type { OrderStatus } from '@/db/write/schema';
import { ORDER_SORTS, ORDER_STATUSES, type OrderSort } from '@/server/queries/listOrders.input';
import { sameText, useDraft } from '@/app/_components/useDraft';
import type { OrdersListState } from './ordersListState';

const SORT_LABELS: Record<OrderSort, string> = {
  'placed:desc': 'Newest first',
  'placed:asc': 'Oldest first',
  'total:desc': 'Largest total first',
};

export function OrderFilters({ state, update, customerName }: { state: OrdersListState; update: (next: Partial<OrdersListState>) => void; customerName?: string }) {
  const [text, setText] = useDraft(state.q, (typed) => update({ q: typed.trim() }), { same: sameText });

  return (
    <Group align="end" gap="sm">
      <MultiSelect
        label="Status"
        placeholder={state.status.length ? undefined : 'Any status'}
        data={ORDER_STATUSES}
        value={state.status}
        onChange={(value) => update({ status: value as OrderStatus[] })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Any status' }}
        w={230}
      />
      <TextInput label="Customer" placeholder="Name or email" value={text} onChange={(e) => setText(e.currentTarget.value)} w={200} />
      <TextInput type="date" label="Placed from" value={state.from} onChange={(e) => update({ from: e.currentTarget.value })} w={160} />
      <TextInput type="date" label="Placed to" value={state.to} onChange={(e) => update({ to: e.currentTarget.value })} w={160} />
      <Select
        label="Sort by"
        data={ORDER_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        value={state.sort}
        onChange={(value) => update({ sort: (value ?? 'placed:desc') as OrderSort })}
        allowDeselect={false}
        w={180}
      />
      {state.customerId && (
        <Badge
          size="lg"
          variant="light"
          rightSection={<CloseButton size="xs" aria-label="Show every customer's orders" onClick={() => update({ customerId: '' })} />}
        >
          Customer: {customerName ?? 'one customer'}
        </Badge>
      )}
    </Group>
  );
}
