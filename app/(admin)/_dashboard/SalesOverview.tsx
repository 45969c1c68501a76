'use client';

import { AreaChart, BarChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { SalesDailyView, SalesSeries } from '@/server/queries/salesDaily';
import { formatCount } from '@/app/_components/figures';
import { formatMoney } from '@/app/_components/money';
import { salesChartRows } from './salesChartRows';

interface Props {
  sales: UseQueryResult<SalesDailyView, { message: string }>;
  selected: SalesSeries | undefined;
  onCurrency: (currency: string) => void;
}

export function SalesOverview({ sales, selected, onCurrency }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby="sales-title">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h4" id="sales-title">
            Revenue and orders
          </Title>
          {sales.isFetching && !sales.isPending && <Loader size="xs" aria-label="Updating sales" />}
        </Group>
        {sales.data && sales.data.series.length > 1 && selected && (
          <SegmentedControl
            aria-label="Currency"
            size="xs"
            value={selected.currency}
            onChange={onCurrency}
            data={sales.data.series.map((s) => s.currency)}
          />
        )}
      </Group>
      <SalesBody sales={sales} selected={selected} />
    </Card>
  );
}

function SalesBody({ sales, selected }: Pick<Props, 'sales' | 'selected'>) {
  if (sales.isPending) return <Skeleton h={380} aria-label="Loading sales" />;
  if (sales.isError) {
    return (
      <Alert color="red" role="alert">
        Sales could not be loaded: {sales.error.message}
      </Alert>
    );
  }
  if (!selected) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        No orders from {sales.data.from} to {sales.data.to}.
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
        {sales.data.from} to {sales.data.to} (UTC days); cancelled orders are not counted.
      </Text>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
