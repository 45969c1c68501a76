'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { isLsn } from '@/lib/lsn';

export interface ActivityFilters {
  aggregateType: string;
  aggregateId: string;
  actorId: string;
  page: number;
  /** A mutation's position: wait until the audit trail has it. */
  after: string;
}

const MAX_PAGE = 1000;
const KEYS = ['aggregateType', 'aggregateId', 'actorId'] as const;

/** Filters live in the URL (`?aggregateType=product&aggregateId=…&actorId=…&page=2`): shareable and reloadable. */
export function useActivityFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const after = params.get('after') ?? '';
  const filters: ActivityFilters = {
    aggregateType: params.get('aggregateType') ?? '',
    aggregateId: params.get('aggregateId') ?? '',
    actorId: params.get('actorId') ?? '',
    page: Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
    after: isLsn(after) ? after : '',
  };
  /** Any filter change goes back to page 1 and forgets `after` (it was about the first view). */
  const update = (next: Partial<Omit<ActivityFilters, 'after'>>) => {
    const merged = { ...filters, page: 1, after: '', ...next };
    const search = new URLSearchParams();
    for (const key of KEYS) if (merged[key]) search.set(key, merged[key]);
    if (merged.page > 1) search.set('page', String(merged.page));
    router.replace(`${pathname}${search.size ? `?${search}` : ''}`, { scroll: false });
  };
  return [filters, update] as const;
}
