'use client';

import { useAggregatePage } from '@/app/_components/useAggregatePage';

/** Moves the order page to its latest state (see `useAggregatePage`). */
export function useOrderPage(orderId: string) {
  return useAggregatePage(`/orders/${orderId}`);
}
