'use client';

import { Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { addDays, utcDay } from '@/server/queries/days';
import { useTRPC } from '@/app/_trpc/client';
import { useUrlState } from '@/app/_components/useUrlState';
import { LowStock } from './LowStock';
import { ProjectorGlance } from './ProjectorGlance';
import { DEFAULT_RANGE_DAYS, RANGES, rangeDays } from './salesChartRows';
import { SalesOverview } from './SalesOverview';
import { TopProducts } from './TopProducts';

/** Range and currency live in the URL (`?days=90&currency=USD`), so a view can be shared. */
interface DashboardState {
  days: number;
  currency: string | null;
}

function parseDashboardState(params: URLSearchParams): DashboardState {
  return { days: rangeDays(params.get('days')), currency: params.get('currency') };
}

function dashboardSearch(state: DashboardState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.days !== DEFAULT_RANGE_DAYS) search.set('days', String(state.days));
  if (state.currency) search.set('currency', state.currency);
  return search;
}

export function Dashboard() {
  const trpc = useTRPC();
  const [state, update] = useUrlState(parseDashboardState, dashboardSearch);
  const to = utcDay(new Date());
  const sales = useQuery(
    trpc.analytics.salesDaily.queryOptions({ from: addDays(to, -(state.days - 1)), to }, { placeholderData: keepPreviousData }),
  );
  const series = sales.data?.series ?? [];
  // The currency with the most orders unless another was picked: revenue in different currencies does not add up.
  const selected = series.find((s) => s.currency === state.currency) ?? series[0];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Dashboard</Title>
        <SegmentedControl
          aria-label="Sales range"
          value={String(state.days)}
          onChange={(value) => update({ days: Number(value) })}
          data={RANGES.map((r) => ({ value: String(r.days), label: r.label }))}
        />
      </Group>
      <SalesOverview sales={sales} selected={selected} onCurrency={(currency) => update({ currency })} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TopProducts currency={selected?.currency} ready={!sales.isPending} />
        <LowStock />
      </SimpleGrid>
      <ProjectorGlance />
    </Stack>
  );
}
