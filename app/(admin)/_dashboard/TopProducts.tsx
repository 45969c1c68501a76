'use client';

import { SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TOP_PRODUCTS_BY } from '@/server/queries/topProducts.input';
import { useTRPC } from '@/app/_trpc/client';
import { formatCount } from '@/app/_components/figures';
import { formatMoney } from '@/app/_components/money';
import { QueryContent } from '@/app/_components/QueryContent';
import { SectionCard } from '@/app/_components/SectionCard';
import { ProductTable } from './ProductTable';

/** Best sellers in the dashboard's currency (`ready` once it is known). */
export function TopProducts({ currency, ready }: { currency: string | undefined; ready: boolean }) {
  const trpc = useTRPC();
  const [by, setBy] = useState<(typeof TOP_PRODUCTS_BY)[number]>('revenue');
  const top = useQuery({ ...trpc.analytics.topProducts.queryOptions({ by, limit: 10, currency }), enabled: ready });
  return (
    <SectionCard
      titleId="top-title"
      title={`Top products${currency ? ` in ${currency}` : ''}`}
      aside={
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
      }
    >
      <QueryContent query={top} what="Top products" height={200}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">Nothing sold yet.</Text>
          ) : (
            <ProductTable
              labelledBy="top-title"
              testId="top-products"
              products={data.items}
              figures={[
                { header: 'Units sold', numeric: true, cell: (p) => formatCount(p.unitsSold) },
                { header: 'Revenue', numeric: true, cell: (p) => formatMoney(p.revenueCents, p.currency) },
                { header: 'In stock', numeric: true, cell: (p) => formatCount(p.stockTotal) },
              ]}
            />
          )
        }
      </QueryContent>
    </SectionCard>
  );
}
