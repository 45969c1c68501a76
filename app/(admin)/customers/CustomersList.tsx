'use client';

import { Alert, Anchor, Button, EmptyState, Group, Loader, Modal, Pagination, Select, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { CUSTOMER_SORTS, type CustomerSort } from '@/server/queries/listCustomers.input';
import { useTRPC } from '@/app/_trpc/client';
import { DateTime } from '@/app/_components/DateTime';
import { sameText, useDraft } from '@/app/_components/useDraft';
import { useUrlState } from '@/app/_components/useUrlState';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { customersListInput, customersListSearch, parseCustomersListState, PAGE_SIZE } from './customersListState';
import { LifetimeValue } from './LifetimeValue';
import { RegisterCustomerForm } from './RegisterCustomerForm';

const SORT_LABELS: Record<CustomerSort, string> = {
  name: 'Name, A to Z',
  'lifetimeValue:desc': 'Highest lifetime value',
  'lastOrder:desc': 'Most recent order',
};

export function CustomersList() {
  const trpc = useTRPC();
  const user = useCurrentUser();
  const [state, update] = useUrlState(parseCustomersListState, customersListSearch, { resetPage: true });
  const [registering, setRegistering] = useState(false);
  const [text, setText] = useDraft(state.q, (typed) => update({ q: typed.trim() }), { same: sameText });
  const customers = useQuery(trpc.customers.list.queryOptions(customersListInput(state), { placeholderData: keepPreviousData }));
  const result = customers.data;
  const totalPages = result ? Math.ceil(result.total / PAGE_SIZE) : 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Customers</Title>
        {user.role === 'admin' && <Button onClick={() => setRegistering(true)}>Register customer</Button>}
      </Group>
      <Group align="end">
        <TextInput label="Search customers" placeholder="Name or email" value={text} onChange={(e) => setText(e.currentTarget.value)} w={320} />
        <Select
          label="Sort by"
          data={CUSTOMER_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
          value={state.sort}
          onChange={(value) => update({ sort: (value ?? 'name') as CustomerSort })}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {customers.isError && (
        <Alert color="red" role="alert" title="The customers could not be loaded">
          {customers.error.message}
        </Alert>
      )}
      {customers.isPending && <Skeleton height={320} aria-label="Loading customers" />}
      {result && (
        <Group gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {result.total} {result.total === 1 ? 'customer' : 'customers'}
          </Text>
          {customers.isFetching && <Loader size="xs" aria-label="Updating" />}
        </Group>
      )}
      {result && result.items.length === 0 && (
        <EmptyState
          title={state.q ? 'No customer matches this search' : 'No customers yet'}
          description={state.q ? 'Try part of their name or email.' : user.role === 'admin' ? 'Register the first one.' : undefined}
        />
      )}
      {result && result.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Customers" data-testid="customers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th ta="right">Orders</Table.Th>
                <Table.Th ta="right">Lifetime value</Table.Th>
                <Table.Th>Last order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((customer) => (
                <Table.Tr key={customer.id} data-testid="customer-row">
                  <Table.Td>
                    <Anchor component={Link} href={`/customers/${customer.id}`}>
                      {customer.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{customer.email}</Table.Td>
                  <Table.Td ta="right">{customer.orderCount}</Table.Td>
                  <Table.Td ta="right">
                    <LifetimeValue amounts={customer.lifetimeValue} />
                  </Table.Td>
                  <Table.Td>
                    {customer.lastOrderAt ? (
                      <DateTime value={customer.lastOrderAt} />
                    ) : (
                      <Text c="dimmed" size="sm">
                        Never
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {totalPages > 1 && <Pagination total={totalPages} value={state.page} onChange={(page) => update({ page })} aria-label="Customer pages" />}
      <Modal opened={registering} onClose={() => setRegistering(false)} title="Register customer" centered>
        <RegisterCustomerForm onCancel={() => setRegistering(false)} />
      </Modal>
    </Stack>
  );
}
