'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * Moves the product page to its latest state. After a command the page loads with
 * `after=<position>`, so it waits until the read model shows the change; `navigating` stays
 * true until the new state is on screen, and `then` runs in the same transition. Cached
 * client reads (search results, warehouse stock, category counts) may show the change too:
 * they are marked stale.
 */
export function useProductPage(productId: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [navigating, startTransition] = useTransition();
  const path = `/products/${productId}`;
  return {
    navigating,
    showChange(position: string, then?: () => void) {
      void queryClient.invalidateQueries();
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

export type ProductPage = ReturnType<typeof useProductPage>;
