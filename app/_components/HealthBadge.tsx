import { Badge } from '@mantine/core';
import type { ProjectionStatusView, ProjectorProcessView } from '@/server/queries/systemStatus';
import { projectionHealth } from './projectorHealth';

export function HealthBadge({ projection, process }: { projection: ProjectionStatusView; process: ProjectorProcessView | null }) {
  const health = projectionHealth(projection, process);
  return (
    <Badge variant="light" color={health.color} miw="max-content">
      {health.label}
    </Badge>
  );
}
