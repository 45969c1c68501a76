'use client';

import { useDebouncedValue } from '@mantine/hooks';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { parseSearch, searchParamsOf, type SearchState } from './searchState';

/**
 * The search lives in the URL, so it can be shared and reloaded. Changes go through the
 * History API (Next keeps `useSearchParams` in step) without a round trip to the server:
 * typing replaces the entry, a ticked facet or a new page adds one, so Back undoes it.
 */
export function useSearchState() {
  const url = useSearchParams().toString();
  const pathname = usePathname();
  // Shown at once on a click; Next applies the new address to `useSearchParams` in a transition, a little later.
  const [state, setState] = useState(() => parseSearch(new URLSearchParams(url)));
  const [seenUrl, setSeenUrl] = useState(url);
  if (url !== seenUrl) {
    setSeenUrl(url);
    setState(parseSearch(new URLSearchParams(url)));
  }
  const update = (change: Partial<SearchState>, how: 'push' | 'replace' = 'push') => {
    // From the address bar, not this render: two debounced fields may commit before React renders again.
    const current = parseSearch(new URLSearchParams(window.location.search));
    const next = { ...current, page: 1, ...change };
    const search = searchParamsOf(next).toString();
    setState(next);
    const target = `${pathname}${search ? `?${search}` : ''}`;
    if (how === 'push') window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  };
  return [state, update] as const;
}

/**
 * A field typed into before it reaches the URL: shows what is typed at once and commits it
 * after a pause. When the URL changes by other means (Back, "Clear filters"), the field follows.
 */
export function useDraft<T>(committed: T, commit: (value: T) => void, delayMs: number) {
  const [draft, setDraft] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (!Object.is(committed, seen)) {
    setSeen(committed);
    setDraft(committed);
  }
  const [debounced] = useDebouncedValue(draft, delayMs);
  useEffect(() => {
    // Only a settled draft commits, so the URL moving on its own never echoes back. Watching the
    // draft too: typed back to the debounced value within the pause (after "Clear"), it still commits.
    if (!Object.is(debounced, committed) && Object.is(debounced, draft)) commit(debounced);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, draft, committed]);
  return [draft, setDraft] as const;
}
