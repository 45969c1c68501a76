import { Alert } from '@mantine/core';
import { RefreshUntilFresh } from './RefreshUntilFresh';

/**
 * Shown instead of an aggregate a command has just saved (`after` is set) while the read model
 * does not have it yet. With `refreshing`, the page asks again until it arrives.
 */
export function NotVisibleYet({ what, refreshing = false }: { what: string; refreshing?: boolean }) {
  return (
    <Alert color="yellow" role="status" title="Not visible yet">
      {`This ${what} was saved, but the read model has not caught up yet. ${refreshing ? 'The page shows it as soon as it arrives.' : 'Reload in a moment.'}`}
      {refreshing && <RefreshUntilFresh />}
    </Alert>
  );
}
