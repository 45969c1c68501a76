import { Alert, Skeleton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** What a query answered, once it has: a skeleton while it loads, an alert when it failed. */
export function QueryContent<T>({
  query,
  what,
  height,
  children,
}: {
  query: UseQueryResult<T, { message: string }>;
  /** What the query loads, capitalized ("Top products"): names the skeleton and heads the alert. */
  what: string;
  /** The skeleton's height, about that of the content. */
  height: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton h={height} aria-label={`Loading ${what.toLowerCase()}`} />;
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {`${what} could not be loaded: ${query.error.message}`}
      </Alert>
    );
  }
  return children(query.data);
}
