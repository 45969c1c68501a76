import { Table, Text } from '@mantine/core';
import type { SystemStatus } from '@/server/queries/systemStatus';
import { formatBytes, formatClock, formatCount, formatDuration, formatInstant } from '@/app/_components/figures';
import { HealthBadge } from '@/app/_components/HealthBadge';

export function ProjectionTable({ status }: { status: SystemStatus }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped aria-label="Projections" data-testid="projection-table" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Projection</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Checkpoint</Table.Th>
            <Table.Th ta="right">Lag</Table.Th>
            <Table.Th ta="right">Lag (WAL)</Table.Th>
            <Table.Th ta="right">Changes/s</Table.Th>
            <Table.Th ta="right">Changes</Table.Th>
            <Table.Th ta="right">Backlog</Table.Th>
            <Table.Th ta="right">Dead letters</Table.Th>
            <Table.Th>Last report</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.projections.map((p) => (
            <Table.Tr key={p.projection}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.projection}
                </Text>
              </Table.Td>
              <Table.Td>
                <HealthBadge projection={p} process={status.process} />
              </Table.Td>
              <Table.Td ff="monospace">{p.checkpointLsn ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatDuration(p.lagMs)}</Table.Td>
              <Table.Td ta="right">{formatBytes(p.lagBytes)}</Table.Td>
              <Table.Td ta="right">{p.changesPerSecond.toFixed(1)}</Table.Td>
              <Table.Td ta="right">{formatCount(p.changesTotal)}</Table.Td>
              <Table.Td ta="right">{formatCount(p.backlog)}</Table.Td>
              <Table.Td ta="right">{formatCount(p.pendingDeadLetters)}</Table.Td>
              <Table.Td title={formatInstant(p.updatedAt)}>{formatClock(p.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
