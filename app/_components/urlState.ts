/** How a change to the URL state is recorded: as a new history entry (Back undoes it) or in place of the current one. */
export type HistoryMode = 'push' | 'replace';

/**
 * The state after a change. With `resetPage`, any change that does not turn the page itself starts
 * again at page 1 (page 4 of the old filters means nothing for the new ones).
 */
export function mergeUrlState<T extends object>(current: T, change: Partial<T>, resetPage: boolean): T {
  return { ...current, ...(resetPage ? { page: 1 } : {}), ...change };
}

/** A pathname with its query, without a bare `?` when there is none. */
export function hrefOf(pathname: string, search: URLSearchParams): string {
  return `${pathname}${search.size ? `?${search}` : ''}`;
}
