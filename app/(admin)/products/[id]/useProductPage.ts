'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useAggregatePage } from '@/app/_components/useAggregatePage';

/**
 * Moves the product page to its latest state (see `useAggregatePage`). Cached client reads
 * (search results, warehouse stock, category counts) may show the change too: they are marked
 * stale.
 */
export function useProductPage(productId: string) {
  const queryClient = useQueryClient();
  return useAggregatePage(`/products/${productId}`, () => void queryClient.invalidateQueries());
}

export type ProductPage = ReturnType<typeof useProductPage>;
