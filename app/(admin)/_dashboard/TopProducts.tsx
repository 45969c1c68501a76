'use client';

import { Alert, Anchor, Card, Group, SegmentedControl, Skeleton, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { TOP_PRODUCTS_BY } from '@/server/queries/topProducts.input';
import { useTRPC } from '@/app/_trpc/client';
import { formatCount } from '@/app/_components/figures';
import { formatMoney } from '@/app/_components/money';

/** Best sellers in the dashboard's currency (`ready` once it is known). */
export function TopProducts({ currency, ready }: { currency: string | undefined; ready: boolean }) {
  const trpc = useTRPC();
  const [by, setBy] = useState<(typeof TOP_PRODUCTS_BY)[number]>('revenue');
  const top = useQuery({ ...trpc.analytics.topProducts.queryOptions({ by, limit: 10, currency }), enabled: ready });
  return (
    <Card withBorder component="section" aria-labelledby="top-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="top-title">
          Top products{currency ? ` in ${currency}` : ''}
        </Title>
        <SegmentedControl
          aria-label="Rank by"
          size="xs"
          value={by}
          onChange={(value) => setBy(value as typeof by)}
          data={[
            { value: 'revenue', label: 'Revenue' },
            { value: 'units', label: 'Units' },
          ]}
        />
      </Group>
      {top.isPending ? (
        <Skeleton h={200} aria-label="Loading top products" />
      ) : top.isError ? (
        <Alert color="red" role="alert">
          Top products could not be loaded: {top.error.message}
        </Alert>
      ) : top.data.items.length === 0 ? (
        <Text c="dimmed">Nothing sold yet.</Text>
      ) : (
        <Table striped aria-labelledby="top-title" data-testid="top-products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Product</Table.Th>
              <Table.Th ta="right">Units sold</Table.Th>
              <Table.Th ta="right">Revenue</Table.Th>
              <Table.Th ta="right">In stock</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {top.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/products/${p.id}`}>
                    {p.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {p.sku}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatCount(p.unitsSold)}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.revenueCents, p.currency)}</Table.Td>
                <Table.Td ta="right">{formatCount(p.stockTotal)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
