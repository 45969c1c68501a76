import { Alert } from '@mantine/core';

/** Said instead of passing off an older read model state as current. */
export function NotFreshAlert({ fresh }: { fresh: boolean | undefined }) {
  if (fresh !== false) return null;
  return (
    <Alert color="yellow" role="status" title="Showing an older state">
      Your latest change has not reached this page yet; what you see may be out of date.
    </Alert>
  );
}

/** Polls a query that answered "not fresh yet" until it is. */
export const refetchUntilFresh = (query: { state: { data?: { fresh: boolean } | undefined } }) =>
  query.state.data?.fresh === false ? 1000 : false;
