'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refetchUntilFresh } from '@/app/_components/NotFreshAlert';
import { useTRPC } from '@/app/_trpc/client';

/**
 * The category tree and how it catches up with a change: after a command the tree is read
 * with `after=<position>`, so the change is on screen as soon as the read model has it.
 */
export function useCategoriesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [after, setAfter] = useState<string | undefined>();
  const tree = useQuery(trpc.catalog.categories.queryOptions(after ? { after } : {}, { placeholderData: keepPreviousData, refetchInterval: refetchUntilFresh }));
  // Other cached reads show categories too (the product forms' pickers, search results' paths).
  const invalidate = () => queryClient.invalidateQueries();
  return {
    tree,
    /** Shows the tree as of `position`, then runs `then`. */
    showChange(position: string, then?: () => void) {
      setAfter(position);
      void invalidate();
      then?.();
    },
    reload() {
      setAfter(undefined);
      void invalidate();
    },
  };
}

export type CategoriesPage = ReturnType<typeof useCategoriesPage>;
