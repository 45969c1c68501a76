'use client';

import { NumberInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { formatCount } from '@/app/_components/figures';
import { QueryContent } from '@/app/_components/QueryContent';
import { SectionCard } from '@/app/_components/SectionCard';
import { ProductTable } from './ProductTable';

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
    <SectionCard
      titleId="low-title"
      title="Low stock"
      align="end"
      aside={
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
      }
    >
      <QueryContent query={low} what="Low-stock products" height={200}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">No active product has {data.threshold} units or fewer.</Text>
          ) : (
            <>
              <ProductTable
                labelledBy="low-title"
                testId="low-stock"
                products={data.items}
                figures={[
                  {
                    header: 'In stock',
                    numeric: true,
                    td: { style: { whiteSpace: 'nowrap' } },
                    cell: (p) =>
                      p.stockTotal === 0 ? (
                        <Text span size="sm" c="red" fw={600}>
                          out of stock
                        </Text>
                      ) : (
                        formatCount(p.stockTotal)
                      ),
                  },
                  { header: 'Units sold', numeric: true, cell: (p) => formatCount(p.unitsSold) },
                ]}
              />
              {data.total > data.items.length && (
                <Text size="xs" c="dimmed" mt="xs">
                  {formatCount(data.total - data.items.length)} more at or under {data.threshold} units.
                </Text>
              )}
            </>
          )
        }
      </QueryContent>
    </SectionCard>
  );
}
