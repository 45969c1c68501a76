import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import type { RebuildView } from '@/server/queries/systemStatus';
import { DataTable } from '@/app/_components/DataTable';
import { formatCount, formatInstant } from '@/app/_components/figures';

const STATUS_COLOR = { queued: 'gray', running: 'blue', switched: 'green', failed: 'red' } as const;

/** Recent rebuilds with live progress; one just requested shows as waiting until the projector picks it up. */
export function RebuildList({ rebuilds, requested }: { rebuilds: RebuildView[]; requested: { id: string; projection: string } | null }) {
  const waiting = requested && !rebuilds.some((r) => r.id === requested.id) ? requested : null;
  if (rebuilds.length === 0 && !waiting) {
    return (
      <Text c="dimmed" size="sm">
        No rebuild has run yet.
      </Text>
    );
  }
  return (
    <DataTable
      aria-label="Recent rebuilds"
      data-testid="rebuilds"
      leadingRows={
        waiting && (
          <Table.Tr data-rebuild-id={waiting.id}>
            <Table.Td ff="monospace">{waiting.projection}</Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                requested
              </Badge>
            </Table.Td>
            <Table.Td colSpan={3}>
              <Text size="sm" c="dimmed">
                Waiting for the projector to start it…
              </Text>
            </Table.Td>
          </Table.Tr>
        )
      }
      rows={rebuilds}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-rebuild-id': r.id, bg: r.id === requested?.id ? 'var(--mantine-color-indigo-light)' : undefined })}
      columns={[
        { header: 'Projection', td: { ff: 'monospace' }, cell: (r) => r.projection },
        {
          header: 'Status',
          cell: (r) => (
            <Badge variant="light" color={STATUS_COLOR[r.status]}>
              {r.status}
            </Badge>
          ),
        },
        { header: 'Progress', th: { w: '35%' }, cell: (r) => <RebuildProgress rebuild={r} /> },
        { header: 'Started', cell: (r) => formatInstant(r.startedAt) },
        { header: 'Finished', cell: (r) => formatInstant(r.finishedAt) },
      ]}
    />
  );
}

function RebuildProgress({ rebuild: r }: { rebuild: RebuildView }) {
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Progress
          flex={1}
          value={progressPercent(r)}
          animated={r.status === 'running'}
          color={STATUS_COLOR[r.status]}
          aria-label={`${r.projection} rebuild progress`}
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatCount(r.done)} / {formatCount(r.total)}
        </Text>
      </Group>
      {r.error && (
        <Text size="xs" c="red">
          {r.error}
        </Text>
      )}
    </>
  );
}

function progressPercent(r: RebuildView): number {
  if (r.status === 'switched') return 100;
  return r.total > 0 ? Math.min(100, (r.done / r.total) * 100) : 0;
}
