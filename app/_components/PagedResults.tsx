import { Alert, EmptyState, Group, Loader, Pagination, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * A page of a list query's results, with what surrounds it: an alert when it failed, a skeleton
 * while it loads, the count (and whether it is updating), an empty state, and the pages.
 */
export function PagedResults<Item>(props: {
  query: UseQueryResult<{ total: number; items: Item[] }, { message: string }>;
  /** What the list counts, e.g. `{ one: 'order', other: 'orders' }`. */
  noun: { one: string; other: string };
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
  /** The pagination's accessible name. */
  pagesLabel: string;
  empty: { title: string; description?: string };
  children: (items: Item[]) => ReactNode;
}) {
  const { query, noun, pageSize, page, onPage, pagesLabel, empty, children } = props;
  const result = query.data;
  const totalPages = result ? Math.ceil(result.total / pageSize) : 0;
  return (
    <>
      {query.isError && (
        <Alert color="red" role="alert" title={`The ${noun.other} could not be loaded`}>
          {query.error.message}
        </Alert>
      )}
      {query.isPending && <Skeleton height={320} aria-label={`Loading ${noun.other}`} />}
      {result && (
        <Group gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {result.total} {result.total === 1 ? noun.one : noun.other}
          </Text>
          {query.isFetching && <Loader size="xs" aria-label="Updating" />}
        </Group>
      )}
      {result && result.items.length === 0 && <EmptyState title={empty.title} description={empty.description} />}
      {result && result.items.length > 0 && children(result.items)}
      {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={onPage} aria-label={pagesLabel} />}
    </>
  );
}
