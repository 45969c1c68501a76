'use client';

import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/app/_trpc/client';
import { DataTable } from '@/app/_components/DataTable';
import { formatDuration } from '@/app/_components/figures';
import { HealthBadge } from '@/app/_components/HealthBadge';
import { QueryContent } from '@/app/_components/QueryContent';
import { SectionCard } from '@/app/_components/SectionCard';

const POLL_MS = 5_000;

/** Each read model's state and lag, refreshed every few seconds; details on the operations page. */
export function ProjectorGlance() {
  const trpc = useTRPC();
  const status = useQuery(trpc.system.status.queryOptions(undefined, { refetchInterval: POLL_MS, staleTime: 0 }));
  return (
    <SectionCard
      titleId="projector-title"
      title="Read models"
      aside={
        <Anchor component={Link} href="/operations" size="sm">
          Operations
        </Anchor>
      }
    >
      <QueryContent query={status} what="Projector status" height={160}>
        {(data) => (
          <>
            {!data.process?.alive && (
              <Alert color="red" mb="sm" role="status">
                The projector is not running: read models are not being updated.
              </Alert>
            )}
            <DataTable
              aria-labelledby="projector-title"
              data-testid="projector-glance"
              rows={data.projections}
              rowKey={(p) => p.projection}
              columns={[
                { header: 'Projection', cell: (p) => p.projection },
                { header: 'State', cell: (p) => <HealthBadge projection={p} process={data.process} /> },
                { header: 'Lag', numeric: true, cell: (p) => formatDuration(p.lagMs) },
              ]}
            />
          </>
        )}
      </QueryContent>
    </SectionCard>
  );
}
