'use client';

import { Alert, Button, EmptyState, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NotFreshAlert, refetchUntilFresh } from '@/app/_components/NotFreshAlert';
import { useTRPC } from '@/app/_trpc/client';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { CreateWarehouseForm } from './CreateWarehouseForm';

const number = (n: number) => n.toLocaleString('en-US');

/** Warehouses with what they hold; admins create new ones. */
export function WarehousesScreen() {
  const admin = useCurrentUser().role === 'admin';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [after, setAfter] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);
  const list = useQuery(trpc.inventory.warehouses.queryOptions(after ? { after } : {}, { placeholderData: keepPreviousData, refetchInterval: refetchUntilFresh }));
  const items = list.data?.items ?? [];
  // The stock dialog's warehouse picker reads the list too.
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.inventory.warehouses.pathKey() });

  return (
    <Stack>
      <Title order={2}>Warehouses</Title>
      <NotFreshAlert fresh={list.data?.fresh} />
      {admin && (
        <CreateWarehouseForm
          key={formKey}
          onCreated={(position) => {
            setAfter(position);
            setFormKey((k) => k + 1);
            void invalidate();
          }}
          onReload={() => void invalidate()}
        />
      )}
      {list.isError && (
        <Alert color="red" role="alert" title="Warehouses could not be loaded">
          <Text size="sm">{list.error.message}</Text>
          <Button size="xs" variant="light" color="red" mt="sm" onClick={() => list.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {list.isPending && (
        <Stack aria-label="Loading warehouses" aria-busy>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title="No warehouses yet" description={admin ? 'Create the first one above.' : 'An admin can create them.'} />
      )}
      {items.length > 0 && (
        <Table highlightOnHover aria-label="Warehouses" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Products in stock</Table.Th>
              <Table.Th ta="right">Units</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((w) => (
              <Table.Tr key={w.id} data-testid="warehouse-row">
                <Table.Td fw={600}>{w.code}</Table.Td>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td ta="right">{number(w.productCount)}</Table.Td>
                <Table.Td ta="right">{number(w.units)}</Table.Td>
                <Table.Td>{w.createdAt ? w.createdAt.toISOString().slice(0, 10) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
