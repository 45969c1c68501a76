'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * Moves a server-rendered aggregate page (`path`) to its latest state. After a command the page
 * loads with `after=<position>`, so it waits until the read model shows the change; `navigating`
 * stays true until the new state is on screen, and `then` runs in the same transition.
 * `onChange` runs first on each change shown (e.g. to mark cached client reads stale).
 */
export function useAggregatePage(path: string, onChange?: () => void) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  return {
    navigating,
    showChange(position: string, then?: () => void) {
      onChange?.();
      startTransition(() => {
        router.replace(`${path}?after=${encodeURIComponent(position)}`, { scroll: false });
        then?.();
      });
    },
    reload(then?: () => void) {
      startTransition(() => {
        router.replace(path, { scroll: false });
        router.refresh();
        then?.();
      });
    },
  };
}
