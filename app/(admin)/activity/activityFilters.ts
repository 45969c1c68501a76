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
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  const after = params.get('after') ?? '';
  return {
    aggregateType: params.get('aggregateType') ?? '',
    aggregateId: params.get('aggregateId') ?? '',
    actorId: params.get('actorId') ?? '',
    page: Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params.get('page'))) || 1)),
    after: isLsn(after) ? after : '',
  };
}

/** The URL of the filters. `after` is left out: it was about the first view, and any change forgets it. */
export function activityFiltersSearch(filters: ActivityFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) search.set(key, filters[key]);
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}
