'use client';

import { Alert, Card, Group, Pagination, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeadLetterView } from '@/server/queries/systemDeadLetters';
import { useTRPC } from '@/app/_trpc/client';
import { describeError } from '@/app/_components/trpcErrors';
import { DeadLetterCard } from './DeadLetterCard';
import { retryOutcome, type RetryOutcome } from './retryOutcome';

const PAGE_SIZE = 10;
const READ_BACK_TRIES = 8;
type Status = 'pending' | 'resolved';

/**
 * Changes a projection could not apply. A retry is a request the projector handles in commit
 * order; reading the letter back with `after` = the retry's position tells how it went.
 */
export function DeadLetters() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Status>('pending');
  const [after, setAfter] = useState<string>();
  const [outcome, setOutcome] = useState<RetryOutcome | null>(null);
  /** The letter as the projector left it once it has handled the retry (each read waits up to 2 s on the server). */
  const readBack = async (id: string, after: string) => {
    for (let read = 1; ; read++) {
      const pending = await queryClient.fetchQuery({ ...trpc.system.deadLetters.queryOptions({ status: 'pending', id, after }), staleTime: 0 });
      if (pending.fresh || read === READ_BACK_TRIES) return pending;
    }
  };
  const retryCall = trpc.system.retryDeadLetter.mutationOptions();
  const retry = useMutation({
    mutationKey: retryCall.mutationKey,
    mutationFn: async (letter: DeadLetterView, context) => {
      const result = await retryCall.mutationFn!({ id: letter.id, commandId: crypto.randomUUID() }, context);
      try {
        return { position: result.position, outcome: retryOutcome(letter, await readBack(letter.id, result.position)) };
      } catch (error) {
        const message = `The retry was requested, but its result could not be read: ${describeError(error).message}`;
        return { position: result.position, outcome: { color: 'yellow', title: 'Retry requested', message } satisfies RetryOutcome };
      }
    },
    onMutate: () => setOutcome(null),
    onSuccess: ({ position, outcome }) => {
      setAfter(position);
      setOutcome(outcome);
      void queryClient.invalidateQueries({ queryKey: trpc.system.status.queryKey() });
    },
  });
  const retryError = retry.error ? describeError(retry.error) : undefined;

  return (
    <Card withBorder component="section" aria-labelledby="dead-letters-title">
      <Title order={3} size="h4" id="dead-letters-title" mb="sm">
        Dead letters
      </Title>
      {outcome && (
        <Alert color={outcome.color} title={outcome.title} role="status" mb="sm" withCloseButton onClose={() => setOutcome(null)} data-testid="retry-outcome">
          {outcome.message}
        </Alert>
      )}
      {retryError && (
        <Alert color="red" role="alert" mb="sm" title="Retry refused">
          {retryError.message}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => setTab((value as Status) ?? 'pending')}>
        <Tabs.List>
          <Tabs.Tab value="pending">Pending</Tabs.Tab>
          <Tabs.Tab value="resolved">Resolved</Tabs.Tab>
        </Tabs.List>
        {(['pending', 'resolved'] as const).map((status) => (
          <Tabs.Panel key={status} value={status} pt="sm">
            {tab === status && (
              <LetterList status={status} after={after} onRetry={(letter) => retry.mutate(letter)} retrying={retry.isPending ? retry.variables?.id : undefined} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}

interface ListProps {
  status: Status;
  after: string | undefined;
  onRetry: (letter: DeadLetterView) => void;
  /** The letter whose retry is in flight. */
  retrying: string | undefined;
}

function LetterList({ status, after, onRetry, retrying }: ListProps) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const letters = useQuery(
    trpc.system.deadLetters.queryOptions({ status, page, pageSize: PAGE_SIZE, after }, { placeholderData: keepPreviousData, refetchInterval: 10_000 }),
  );
  if (letters.isPending) return <Skeleton h={120} aria-label="Loading dead letters" />;
  if (letters.isError) {
    return (
      <Alert color="red" role="alert">
        Dead letters could not be loaded: {letters.error.message}
      </Alert>
    );
  }
  const { items, total } = letters.data;
  if (items.length === 0) {
    return <Text c="dimmed">{status === 'pending' ? 'No pending dead letters: every change was applied.' : 'No resolved dead letters.'}</Text>;
  }
  return (
    <Stack>
      <Text size="sm" c="dimmed" role="status">
        {total} {status} {total === 1 ? 'letter' : 'letters'}
      </Text>
      {items.map((letter) => (
        <DeadLetterCard key={letter.id} letter={letter} onRetry={onRetry} retrying={retrying === letter.id} retryDisabled={retrying !== undefined} />
      ))}
      {total > PAGE_SIZE && (
        <Group>
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} aria-label={`${status} dead letter pages`} />
        </Group>
      )}
    </Stack>
  );
}
