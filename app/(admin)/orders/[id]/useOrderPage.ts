'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * Moves the order page to its latest state. After a command the page loads with
 * `after=<position>`, so it waits until the read model shows the change; `navigating` stays
 * true until the new state is on screen.
 */
export function useOrderPage(orderId: string) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const path = `/orders/${orderId}`;
  return {
    navigating,
    showChange(position: string, then?: () => void) {
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
