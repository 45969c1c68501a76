'use client';

import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';

export interface PickedCustomer {
  id: string;
  name: string;
  email: string;
}

/** A searchable select over the customers read model: the server filters by name or email. */
export function CustomerPicker(props: { value: PickedCustomer | null; onChange: (customer: PickedCustomer | null) => void; error?: string | undefined }) {
  const { value, onChange, error } = props;
  const trpc = useTRPC();
  const [search, setSearch] = useState(value ? label(value) : '');
  const [debounced] = useDebouncedValue(search, 200);
  // While a customer is chosen the box shows their label: search for everyone, not for that label.
  const q = value && debounced === label(value) ? '' : debounced.trim();
  const customers = useQuery(trpc.customers.list.queryOptions({ q: q || undefined, sort: 'name', pageSize: 20 }, { placeholderData: keepPreviousData }));
  const found = customers.data?.items ?? [];
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label="Customer"
      placeholder="Search by name or email"
      required
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((c) => ({ value: c.id, label: label(c) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={customers.isPending ? 'Loading customers…' : customers.isError ? 'Customers could not be loaded' : 'No customer matches'}
      error={error}
      renderOption={({ option }) => {
        const customer = options.find((c) => c.id === option.value);
        return (
          <div>
            <Text size="sm">{customer?.name}</Text>
            <Text size="xs" c="dimmed">
              {customer?.email}
            </Text>
          </div>
        );
      }}
    />
  );
}

const label = (customer: PickedCustomer) => `${customer.name} <${customer.email}>`;
