'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';

/** Categories as select options labelled with their whole path ("Outdoor › Tents"), parents first. */
export function useCategoryOptions() {
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions({}));
  return {
    options: (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.path.join(' › ') })),
    loading: categories.isPending,
    failed: categories.isError,
  };
}
