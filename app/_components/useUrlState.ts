'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { hrefOf, mergeUrlState, type HistoryMode } from './urlState';

export type { HistoryMode } from './urlState';

export interface UrlStateOptions<T> {
  /** Whether a change adds a history entry (Back undoes it) or replaces the current one; `replace` unless said. Each update may say otherwise. */
  history?: HistoryMode;
  /**
   * Write the address with the browser's History API instead of Next's router: no round trip to
   * the server, and the new state shows at once (Next keeps `useSearchParams` in step a little later,
   * in a transition). Back and Forward still work: Next follows entries added this way.
   */
  shallow?: boolean;
  /** Any change that does not set `page` itself starts again at page 1. */
  resetPage?: T extends { page: number } ? boolean : never;
}

export type UpdateUrlState<T> = (change: Partial<T>, history?: HistoryMode) => void;

/**
 * A screen's state kept in its URL, so it can be shared and reloaded: `parse` reads it (leniently),
 * `serialize` writes it. `update` merges a change into the current state and navigates.
 */
export function useUrlState<T extends object>(
  parse: (params: URLSearchParams) => T,
  serialize: (state: T) => URLSearchParams,
  options: UrlStateOptions<T> = {},
): readonly [T, UpdateUrlState<T>] {
  const { history: defaultHistory = 'replace', shallow = false } = options;
  const resetPage: boolean = options.resetPage ?? false;
  const url = useSearchParams().toString();
  const pathname = usePathname();
  const router = useRouter();
  const fromUrl = useMemo(() => parse(new URLSearchParams(url)), [parse, url]);
  // Shallow updates only: the state shown until Next applies the new address to `useSearchParams`.
  const [shown, setShown] = useState<T | null>(null);
  const [seenUrl, setSeenUrl] = useState(url);
  if (url !== seenUrl) {
    setSeenUrl(url);
    setShown(null);
  }
  const state = url === seenUrl && shown !== null ? shown : fromUrl;

  const update: UpdateUrlState<T> = (change, history = defaultHistory) => {
    if (shallow) {
      // From the address bar, not this render: two debounced fields may commit before React renders again.
      const next = mergeUrlState(parse(new URLSearchParams(window.location.search)), change, resetPage);
      setShown(next);
      const target = hrefOf(pathname, serialize(next));
      if (history === 'push') window.history.pushState(null, '', target);
      else window.history.replaceState(null, '', target);
    } else {
      const target = hrefOf(pathname, serialize(mergeUrlState(state, change, resetPage)));
      if (history === 'push') router.push(target, { scroll: false });
      else router.replace(target, { scroll: false });
    }
  };
  return [state, update] as const;
}
