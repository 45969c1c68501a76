'use client';

import { Alert, Anchor, Card, Group, Skeleton, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/app/_trpc/client';
import { formatDuration } from '@/app/_components/figures';
import { HealthBadge } from '@/app/_components/HealthBadge';

const POLL_MS = 5_000;

/** Each read model's state and lag, refreshed every few seconds; details on the operations page. */
export function ProjectorGlance() {
  const trpc = useTRPC();
  const status = useQuery(trpc.system.status.queryOptions(undefined, { refetchInterval: POLL_MS, staleTime: 0 }));
  return (
    <Card withBorder component="section" aria-labelledby="projector-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="projector-title">
          Read models
        </Title>
        <Anchor component={Link} href="/operations" size="sm">
          Operations
        </Anchor>
      </Group>
      {status.isPending ? (
        <Skeleton h={160} aria-label="Loading projector status" />
      ) : status.isError ? (
        <Alert color="red" role="alert">
          Projector status could not be loaded: {status.error.message}
        </Alert>
      ) : (
        <>
          {!status.data.process?.alive && (
            <Alert color="red" mb="sm" role="status">
              The projector is not running: read models are not being updated.
            </Alert>
          )}
          <Table aria-labelledby="projector-title" data-testid="projector-glance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Projection</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Lag</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.data.projections.map((p) => (
                <Table.Tr key={p.projection}>
                  <Table.Td>{p.projection}</Table.Td>
                  <Table.Td>
                    <HealthBadge projection={p} process={status.data.process} />
                  </Table.Td>
                  <Table.Td ta="right">{formatDuration(p.lagMs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
