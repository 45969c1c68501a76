'use client';

import { Anchor, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { CUSTOMER_SORTS, type CustomerSort } from '@/server/queries/listCustomers.input';
import { useTRPC } from '@/app/_trpc/client';
import { DataTable } from '@/app/_components/DataTable';
import { DateTime } from '@/app/_components/DateTime';
import { PagedResults } from '@/app/_components/PagedResults';
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
      <PagedResults
        query={customers}
        noun={{ one: 'customer', other: 'customers' }}
        pageSize={PAGE_SIZE}
        page={state.page}
        onPage={(page) => update({ page })}
        pagesLabel="Customer pages"
        empty={{
          title: state.q ? 'No customer matches this search' : 'No customers yet',
          description: state.q ? 'Try part of their name or email.' : user.role === 'admin' ? 'Register the first one.' : undefined,
        }}
      >
        {(items) => (
          <Table.ScrollContainer minWidth={640}>
            <DataTable
              striped
              highlightOnHover
              verticalSpacing="xs"
              aria-label="Customers"
              data-testid="customers-table"
              rows={items}
              rowKey={(customer) => customer.id}
              rowProps={() => ({ 'data-testid': 'customer-row' })}
              columns={[
                {
                  header: 'Name',
                  cell: (customer) => (
                    <Anchor component={Link} href={`/customers/${customer.id}`}>
                      {customer.name}
                    </Anchor>
                  ),
                },
                { header: 'Email', cell: (customer) => customer.email },
                { header: 'Orders', numeric: true, cell: (customer) => customer.orderCount },
                { header: 'Lifetime value', numeric: true, cell: (customer) => <LifetimeValue amounts={customer.lifetimeValue} /> },
                {
                  header: 'Last order',
                  cell: (customer) =>
                    customer.lastOrderAt ? (
                      <DateTime value={customer.lastOrderAt} />
                    ) : (
                      <Text c="dimmed" size="sm">
                        Never
                      </Text>
                    ),
                },
              ]}
            />
          </Table.ScrollContainer>
        )}
      </PagedResults>
      <Modal opened={registering} onClose={() => setRegistering(false)} title="Register customer" centered>
        <RegisterCustomerForm onCancel={() => setRegistering(false)} />
      </Modal>
    </Stack>
  );
}
