'use client';

import { Alert, Group, Loader, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SystemStatus } from '@/server/queries/systemStatus';
import { useTRPC } from '@/app/_trpc/client';
import { DeadLetters } from './DeadLetters';
import { InstanceList } from './InstanceList';
import { LagChart } from './LagChart';
import { appendLagSample, lagSample, type LagSample } from './lagWindow';
import { ProcessBanner } from './ProcessBanner';
import { ProjectionTable } from './ProjectionTable';
import { RebuildPanel } from './RebuildPanel';

/** The projector reports about every 2 s: poll as often. */
const POLL_MS = 2_000;

/** Each poll adds a sample to a window kept in the browser (adjusting state while rendering, no effect needed). */
function useLagWindow(data: SystemStatus | undefined, dataUpdatedAt: number): LagSample[] {
  const [samples, setSamples] = useState<LagSample[]>([]);
  if (data && (samples.at(-1)?.at ?? 0) < dataUpdatedAt) setSamples(appendLagSample(samples, lagSample(data, dataUpdatedAt)));
  return samples;
}

export function Operations() {
  const trpc = useTRPC();
  const status = useQuery(trpc.system.status.queryOptions(undefined, { refetchInterval: POLL_MS, staleTime: 0 }));
  const samples = useLagWindow(status.data, status.dataUpdatedAt);
  const projections = status.data?.projections.map((p) => p.projection) ?? [];
  return (
    <Stack>
      <Group gap="xs">
        <Title order={2}>Operations</Title>
        {status.isFetching && <Loader size="xs" aria-label="Refreshing status" />}
      </Group>
      {status.isError && (
        <Alert color="red" role="alert">
          Projector status could not be loaded: {status.error.message}
          {status.data && ' (showing the last known state)'}
        </Alert>
      )}
      {status.isPending ? (
        <Skeleton h={300} aria-label="Loading projector status" />
      ) : (
        status.data && (
          <>
            <ProcessBanner process={status.data.process} />
            <InstanceList instances={status.data.instances} />
            <ProjectionTable status={status.data} />
            <LagChart samples={samples} projections={projections} />
            <RebuildPanel rebuilds={status.data.rebuilds} projections={projections} />
          </>
        )
      )}
      <DeadLetters />
    </Stack>
  );
}
