import { Badge, Stack, Text, Title } from '@mantine/core';
import type { ProjectorInstanceView } from '@/server/queries/systemStatus';
import { DataTable } from '@/app/_components/DataTable';
import { formatInstant } from '@/app/_components/figures';

/** The projector processes: which one streams, which stand by to take over (docs/deployment.md). */
export function InstanceList({ instances }: { instances: ProjectorInstanceView[] }) {
  return (
    <Stack gap="xs">
      <Title order={4}>Projector processes</Title>
      {instances.length === 0 ? (
        <Text c="dimmed" size="sm">
          No projector process has reported in the last minute.
        </Text>
      ) : (
        <DataTable
          aria-label="Projector processes"
          data-testid="projector-instances"
          rows={instances}
          rowKey={(i) => i.id}
          rowProps={(i) => ({ 'data-role': i.role })}
          columns={[
            {
              header: 'Role',
              cell: (i) => (
                <Badge variant="light" color={!i.alive ? 'red' : i.role === 'active' ? 'teal' : 'gray'}>
                  {i.alive ? (i.role === 'active' ? 'active · streaming' : 'standby · waiting') : `${i.role} · silent`}
                </Badge>
              ),
            },
            { header: 'Host', td: { ff: 'monospace' }, cell: (i) => i.host },
            { header: 'PID', td: { ff: 'monospace' }, cell: (i) => String(i.pid) },
            { header: 'Started', cell: (i) => formatInstant(i.startedAt) },
            { header: 'Active since', cell: (i) => formatInstant(i.activeSince) },
            { header: 'Last heartbeat', cell: (i) => formatInstant(i.heartbeatAt) },
          ]}
        />
      )}
    </Stack>
  );
}
