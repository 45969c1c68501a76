import { Table, Text } from '@mantine/core';
import type { SystemStatus } from '@/server/queries/systemStatus';
import { formatBytes, formatClock, formatCount, formatDuration, formatInstant } from '@/app/_components/figures';
import { DataTable } from '@/app/_components/DataTable';
import { HealthBadge } from '@/app/_components/HealthBadge';

export function ProjectionTable({ status }: { status: SystemStatus }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <DataTable
        striped
        aria-label="Projections"
        data-testid="projection-table"
        style={{ whiteSpace: 'nowrap' }}
        rows={status.projections}
        rowKey={(p) => p.projection}
        columns={[
          {
            header: 'Projection',
            cell: (p) => (
              <Text size="sm" ff="monospace">
                {p.projection}
              </Text>
            ),
          },
          { header: 'State', cell: (p) => <HealthBadge projection={p} process={status.process} /> },
          { header: 'Checkpoint', td: { ff: 'monospace' }, cell: (p) => p.checkpointLsn ?? '—' },
          { header: 'Lag', numeric: true, cell: (p) => formatDuration(p.lagMs) },
          { header: 'Lag (WAL)', numeric: true, cell: (p) => formatBytes(p.lagBytes) },
          { header: 'Changes/s', numeric: true, cell: (p) => p.changesPerSecond.toFixed(1) },
          { header: 'Changes', numeric: true, cell: (p) => formatCount(p.changesTotal) },
          { header: 'Backlog', numeric: true, cell: (p) => formatCount(p.backlog) },
          { header: 'Dead letters', numeric: true, cell: (p) => formatCount(p.pendingDeadLetters) },
          { header: 'Last report', td: (p) => ({ title: formatInstant(p.updatedAt) }), cell: (p) => formatClock(p.updatedAt) },
        ]}
      />
    </Table.ScrollContainer>
  );
}
