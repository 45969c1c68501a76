'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/**
 * A page's state kept in its URL, so it can be shared and reloaded. Any change but turning the
 * page starts again at page 1.
 */
export function useUrlState<T extends { page: number }>(parse: (params: URLSearchParams) => T, serialize: (state: T) => URLSearchParams) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = parse(new URLSearchParams(params.toString()));
  const update = (next: Partial<T>) => {
    const search = serialize({ ...state, page: 1, ...next });
    router.replace(`${pathname}${search.size ? `?${search}` : ''}`, { scroll: false });
  };
  return [state, update] as const;
}
