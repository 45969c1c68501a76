'use client';

import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { DebouncedDraft } from './debouncedDraft';

export { sameText } from './debouncedDraft';

export interface DraftOptions<T> {
  /** The pause in typing after which the draft is committed. */
  delayMs?: number;
  /** Whether a draft and the committed value mean the same (then nothing is committed). `Object.is` unless given. */
  same?: (a: T, b: T) => boolean;
}

/**
 * A field typed into before it reaches the URL: shows what is typed at once and commits it once
 * typing pauses. When the committed value changes by other means (Back, "Clear filters", a link),
 * the field follows and a pending draft is dropped; the echo of its own commit never overwrites
 * typing in progress. The semantics are `DebouncedDraft`'s, tested there.
 */
export function useDraft<T>(committed: T, commit: (value: T) => void, { delayMs = 250, same = Object.is }: DraftOptions<T> = {}) {
  const [field] = useState(() => new DebouncedDraft(committed, { commit, delayMs, same }));
  // Every render: a pause that ends later commits through the latest `commit` (it closes over the latest state).
  useLayoutEffect(() => field.configure({ commit, delayMs, same }));
  useLayoutEffect(() => field.follow(committed), [field, committed]);
  useEffect(() => () => field.dispose(), [field]);
  const draft = useSyncExternalStore(field.subscribe, field.draft, field.draft);
  return [draft, field.type] as const;
}
