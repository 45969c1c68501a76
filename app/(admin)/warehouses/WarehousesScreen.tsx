'use client';

import { Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '@/app/_components/DataTable';
import { ListQueryStatus } from '@/app/_components/ListQueryStatus';
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
      <ListQueryStatus query={list} what="Warehouses" placeholderRows={4} emptyTitle="No warehouses yet" canCreate={admin} />
      {items.length > 0 && (
        <DataTable
          highlightOnHover
          aria-label="Warehouses"
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
          rows={items}
          rowKey={(w) => w.id}
          rowProps={() => ({ 'data-testid': 'warehouse-row' })}
          columns={[
            { header: 'Code', td: { fw: 600 }, cell: (w) => w.code },
            { header: 'Name', cell: (w) => w.name },
            { header: 'Products in stock', numeric: true, cell: (w) => number(w.productCount) },
            { header: 'Units', numeric: true, cell: (w) => number(w.units) },
            { header: 'Created', cell: (w) => (w.createdAt ? w.createdAt.toISOString().slice(0, 10) : '—') },
          ]}
        />
      )}
    </Stack>
  );
}
