'use client';

import { Alert, Anchor, Badge, Button, Group, Loader, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ActivityEntry } from '@/server/queries/listActivity';
import { useTRPC } from '@/app/_trpc/client';
import { formatCount, formatInstant } from '@/app/_components/figures';
import { useUrlState } from '@/app/_components/useUrlState';
import { ActivityFilterBar } from './ActivityFilterBar';
import { activityFiltersSearch, parseActivityFilters } from './activityFilters';
import { aggregateHref, aggregateLabel, payloadPreview } from './activityLinks';
import { PayloadDetails } from './PayloadDetails';

const PAGE_SIZE = 25;

export function ActivityList() {
  const trpc = useTRPC();
  // Any filter change goes back to page 1 and forgets `after` (it was about the first view).
  const [filters, update] = useUrlState(parseActivityFilters, activityFiltersSearch, { resetPage: true });
  const list = useQuery(
    trpc.activity.list.queryOptions(
      {
        aggregateType: filters.aggregateType || undefined,
        aggregateId: filters.aggregateId || undefined,
        actorId: filters.actorId || undefined,
        page: filters.page,
        pageSize: PAGE_SIZE,
        after: filters.after || undefined,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const data = list.data;
  const pages = data ? Math.min(1000, Math.ceil(data.total / PAGE_SIZE)) : 0;

  return (
    <Stack>
      <Group gap="xs">
        <Title order={2}>Activity</Title>
        {list.isFetching && !list.isPending && <Loader size="xs" aria-label="Updating" />}
      </Group>
      <ActivityFilterBar filters={filters} onChange={update} />
      {data && !data.fresh && (
        <Alert color="yellow" role="status" title="Showing an older state">
          Your latest change has not reached the audit trail yet. Reload in a moment.
        </Alert>
      )}
      {list.isError && (
        <Alert color="red" role="alert">
          The audit trail could not be loaded: {list.error.message}
        </Alert>
      )}
      {list.isPending && <Skeleton h={400} aria-label="Loading activity" />}
      {data && (
        <Text size="sm" c="dimmed" role="status">
          {formatCount(data.total)} {data.total === 1 ? 'entry' : 'entries'}
        </Text>
      )}
      {data && data.items.length === 0 && <Text>No activity matches these filters.</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Audit trail">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Command</Table.Th>
                <Table.Th>Aggregate</Table.Th>
                <Table.Th>Payload</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <ActivityRow key={entry.id} entry={entry} onFilter={() => update({ aggregateType: entry.aggregateType, aggregateId: entry.aggregateId })} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Pagination total={pages} value={filters.page} onChange={(page) => update({ page })} aria-label="Activity pages" />}
    </Stack>
  );
}

function ActivityRow({ entry, onFilter }: { entry: ActivityEntry; onFilter: () => void }) {
  const href = aggregateHref(entry.aggregateType, entry.aggregateId);
  const label = aggregateLabel(entry.aggregateType);
  return (
    <Table.Tr data-testid="activity-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(entry.recordedAt)}</Table.Td>
      <Table.Td>
        {entry.actor ? (
          <>
            <Text size="sm">{entry.actor.name ?? 'Unknown'}</Text>
            <Text size="xs" c="dimmed">
              {entry.actor.email}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            system
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {entry.command}
        </Text>
        <Text size="xs" c="dimmed">
          {entry.eventType}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
              {label}
            </Badge>
            <Text size="xs" c="dimmed">
              v{entry.aggregateVersion}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            {href ? (
              <Anchor component={Link} href={href} size="sm" ff="monospace" title={entry.aggregateId}>
                {shortId(entry.aggregateId)}
              </Anchor>
            ) : (
              <Text size="sm" ff="monospace" title={entry.aggregateId}>
                {shortId(entry.aggregateId)}
              </Text>
            )}
            <Button variant="subtle" size="compact-xs" onClick={onFilter} aria-label={`Show only the history of ${label.toLowerCase()} ${entry.aggregateId}`}>
              history
            </Button>
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td maw={420}>
        <Stack gap={2} align="flex-start">
          <Text size="xs" ff="monospace" lineClamp={2} style={{ wordBreak: 'break-all' }}>
            {payloadPreview(entry.event.payload)}
          </Text>
          <PayloadDetails payload={entry.event.payload} label={`Payload of entry ${entry.id}`} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Uuids are long: the first block identifies them well enough on screen (the full id is in the title). */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
