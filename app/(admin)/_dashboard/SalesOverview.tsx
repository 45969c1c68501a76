'use client';

import { AreaChart, BarChart } from '@mantine/charts';
import { Loader, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { SalesDailyView, SalesSeries } from '@/server/queries/salesDaily';
import { Figure } from '@/app/_components/Figure';
import { formatCount } from '@/app/_components/figures';
import { formatMoney } from '@/app/_components/money';
import { QueryContent } from '@/app/_components/QueryContent';
import { SectionCard } from '@/app/_components/SectionCard';
import { salesChartRows } from './salesChartRows';

interface Props {
  sales: UseQueryResult<SalesDailyView, { message: string }>;
  selected: SalesSeries | undefined;
  onCurrency: (currency: string) => void;
}

export function SalesOverview({ sales, selected, onCurrency }: Props) {
  return (
    <SectionCard
      titleId="sales-title"
      title="Revenue and orders"
      titleAside={sales.isFetching && !sales.isPending && <Loader size="xs" aria-label="Updating sales" />}
      aside={
        sales.data &&
        sales.data.series.length > 1 &&
        selected && (
          <SegmentedControl
            aria-label="Currency"
            size="xs"
            value={selected.currency}
            onChange={onCurrency}
            data={sales.data.series.map((s) => s.currency)}
          />
        )
      }
    >
      <QueryContent query={sales} what="Sales" height={380}>
        {(data) => <SalesBody data={data} selected={selected} />}
      </QueryContent>
    </SectionCard>
  );
}

function SalesBody({ data, selected }: { data: SalesDailyView; selected: SalesSeries | undefined }) {
  if (!selected) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        No orders from {data.from} to {data.to}.
      </Text>
    );
  }
  const rows = salesChartRows(selected);
  const money = (value: number) => formatMoney(Math.round(value * 100), selected.currency);
  return (
    <Stack>
      <SimpleGrid cols={3}>
        <Figure label={`Revenue (${selected.currency})`} value={formatMoney(selected.totals.revenueCents, selected.currency)} testId="sales-revenue" />
        <Figure label="Orders" value={formatCount(selected.totals.orders)} testId="sales-orders" />
        <Figure label="Units" value={formatCount(selected.totals.units)} testId="sales-units" />
      </SimpleGrid>
      <figure aria-label={`Revenue per day in ${selected.currency}`} style={{ margin: 0 }} data-testid="revenue-chart">
        <AreaChart h={240} data={rows} dataKey="label" series={[{ name: 'revenue', label: 'Revenue', color: 'indigo.6' }]} valueFormatter={money} curveType="linear" withDots={false} />
      </figure>
      <figure aria-label={`Orders per day in ${selected.currency}`} style={{ margin: 0 }} data-testid="orders-chart">
        <BarChart h={140} data={rows} dataKey="label" series={[{ name: 'orders', label: 'Orders', color: 'teal.6' }]} valueFormatter={formatCount} yAxisProps={{ allowDecimals: false }} />
      </figure>
      <Text size="xs" c="dimmed">
        {data.from} to {data.to} (UTC days); cancelled orders are not counted.
      </Text>
    </Stack>
  );
}
