'use client';

import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isProjectionName, type ProjectionName } from '@/db/read/projections';
import type { RebuildView } from '@/server/queries/systemStatus';
import { useTRPC } from '@/app/_trpc/client';
import { describeError } from '@/app/_components/trpcErrors';
import { useCurrentUser } from '@/app/(admin)/UserContext';
import { RebuildList } from './RebuildList';

/** Rebuild a read model beside the live one (admins), and every recent rebuild's progress. */
export function RebuildPanel({ rebuilds, projections }: { rebuilds: RebuildView[]; projections: ProjectionName[] }) {
  const isAdmin = useCurrentUser().role === 'admin';
  const [requested, setRequested] = useState<{ id: string; projection: string } | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="rebuild-title">
      <Title order={3} size="h4" id="rebuild-title" mb="sm">
        Rebuilds
      </Title>
      <Stack>
        {isAdmin && <RebuildForm projections={projections} onRequested={setRequested} />}
        <RebuildList rebuilds={rebuilds} requested={requested} />
      </Stack>
    </Card>
  );
}

function RebuildForm({ projections, onRequested }: { projections: ProjectionName[]; onRequested: (r: { id: string; projection: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [projection, setProjection] = useState<ProjectionName | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rebuild = useMutation(
    trpc.system.rebuild.mutationOptions({
      onSuccess: (result, input) => {
        onRequested({ id: result.id, projection: input.projection });
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.system.status.queryKey() });
      },
    }),
  );
  const error = rebuild.error ? describeError(rebuild.error) : undefined;
  return (
    <>
      <Group align="end">
        <Select
          label="Projection to rebuild"
          placeholder="Pick one"
          data={projections}
          value={projection}
          onChange={(value) => {
            setProjection(isProjectionName(value) ? value : null);
            rebuild.reset();
          }}
          w={260}
        />
        <Button onClick={() => setConfirming(true)} disabled={!projection || rebuild.isPending}>
          Rebuild…
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Rebuild ${projection ?? ''}?`}>
        <Stack>
          <Text size="sm">
            The projector builds a fresh copy of <b>{projection}</b> from the write model beside the live one, then switches to it.
            Queries keep answering from the live copy meanwhile.
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              loading={rebuild.isPending}
              onClick={() => projection && rebuild.mutate({ projection, commandId: crypto.randomUUID() })}
            >
              Start rebuild
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
