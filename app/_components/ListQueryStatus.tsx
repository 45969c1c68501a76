import { Alert, Button, EmptyState, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * What a whole-list screen shows in place of its rows: an alert with a retry when loading
 * failed, placeholder rows while it loads, and an empty state once the list is known to be empty.
 * The screen has a form above the list to create the first item, for those who `canCreate`.
 */
export function ListQueryStatus(props: {
  query: UseQueryResult<{ items: unknown[] }, { message: string }>;
  /** What the list holds, capitalized ("Warehouses"). */
  what: string;
  placeholderRows: number;
  emptyTitle: string;
  canCreate: boolean;
}) {
  const { query, what, placeholderRows, emptyTitle, canCreate } = props;
  return (
    <>
      {query.isError && (
        <Alert color="red" role="alert" title={`${what} could not be loaded`}>
          <Text size="sm">{query.error.message}</Text>
          <Button size="xs" variant="light" color="red" mt="sm" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {query.isPending && (
        <Stack aria-label={`Loading ${what.toLowerCase()}`} aria-busy>
          {Array.from({ length: placeholderRows }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      )}
      {query.isSuccess && query.data.items.length === 0 && (
        <EmptyState title={emptyTitle} description={canCreate ? 'Create the first one above.' : 'An admin can create them.'} />
      )}
    </>
  );
}
