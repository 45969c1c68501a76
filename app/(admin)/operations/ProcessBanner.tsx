import { Alert, Code, SimpleGrid, Text } from '@mantine/core';
import type { ProjectorProcessView } from '@/server/queries/systemStatus';
import { formatBytes, formatInstant } from '@/app/_components/figures';
import { restartsLabel } from '@/app/_components/projectorHealth';

/** Is the projector alive, how often it had to be restarted, and what its replication slot holds back. */
export function ProcessBanner({ process }: { process: ProjectorProcessView | null }) {
  if (!process) {
    return (
      <Alert color="red" role="status" title="No projector has ever reported">
        Read models are not being built. Start the projector with <Code>npm run projector</Code>.
      </Alert>
    );
  }
  const headline = process.alive ? `Projector running (${process.state})` : 'Projector not running';
  return (
    <Alert
      color={process.alive ? 'teal' : 'red'}
      role="status"
      title={`${headline} · ${restartsLabel(process.restarts)}`}
      data-testid="projector-process"
    >
      {!process.alive && <Text size="sm">Last report {formatInstant(process.updatedAt)}: read models are not being updated.</Text>}
      <SimpleGrid cols={{ base: 2, md: 6 }} mt="xs">
        <Fact label="Slot" value={process.slotName} />
        <Fact label="Streaming" value={process.streaming ? 'yes' : 'no'} />
        <Fact label="WAL status" value={process.slotWalStatus ?? '—'} />
        <Fact label="Retained WAL" value={formatBytes(process.slotRetainedBytes)} />
        <Fact label="Server WAL position" value={process.walLsn ?? '—'} />
        <Fact label="Started" value={formatInstant(process.startedAt)} />
      </SimpleGrid>
      {process.lastError && (
        <Text size="sm" c="red" mt="xs">
          Last error: {process.lastError}
        </Text>
      )}
    </Alert>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
