'use client';

import { Alert, Anchor, Card, Group, NumberInput, Skeleton, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { formatCount } from '@/app/_components/figures';

const MAX_THRESHOLD = 1_000_000;

export function LowStock() {
  const trpc = useTRPC();
  const [threshold, setThreshold] = useState<number | string>(5);
  const [debounced] = useDebouncedValue(threshold, 300);
  const valid = typeof debounced === 'number' && Number.isInteger(debounced) && debounced >= 0 && debounced <= MAX_THRESHOLD;
  const low = useQuery({
    ...trpc.analytics.lowStock.queryOptions({ threshold: valid ? debounced : 5, limit: 10 }, { placeholderData: keepPreviousData }),
    enabled: valid,
  });
  return (
    <Card withBorder component="section" aria-labelledby="low-title">
      <Group justify="space-between" mb="sm" align="end">
        <Title order={3} size="h4" id="low-title">
          Low stock
        </Title>
        <NumberInput
          label="At most (units)"
          size="xs"
          w={130}
          min={0}
          max={MAX_THRESHOLD}
          allowDecimal={false}
          allowNegative={false}
          value={threshold}
          onChange={setThreshold}
          error={valid || threshold !== debounced ? undefined : `A whole number from 0 to ${formatCount(MAX_THRESHOLD)}`}
        />
      </Group>
      {low.isPending ? (
        <Skeleton h={200} aria-label="Loading low-stock products" />
      ) : low.isError ? (
        <Alert color="red" role="alert">
          Low-stock products could not be loaded: {low.error.message}
        </Alert>
      ) : low.data.items.length === 0 ? (
        <Text c="dimmed">No active product has {low.data.threshold} units or fewer.</Text>
      ) : (
        <>
          <Table striped aria-labelledby="low-title" data-testid="low-stock">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th ta="right">In stock</Table.Th>
                <Table.Th ta="right">Units sold</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {low.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/products/${p.id}`}>
                      {p.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {p.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.stockTotal === 0 ? (
                      <Text span size="sm" c="red" fw={600}>
                        out of stock
                      </Text>
                    ) : (
                      formatCount(p.stockTotal)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(p.unitsSold)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {low.data.total > low.data.items.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {formatCount(low.data.total - low.data.items.length)} more at or under {low.data.threshold} units.
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
