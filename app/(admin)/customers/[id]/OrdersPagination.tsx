'use client';

import { Pagination } from '@mantine/core';
import { usePathname, useRouter } from 'next/navigation';

/** Pages of a server-rendered list, kept in the URL as `?page=`. */
export function OrdersPagination({ total, page }: { total: number; page: number }) {
  const router = useRouter();
  const pathname = usePathname();
  if (total <= 1) return null;
  return (
    <Pagination
      total={total}
      value={page}
      onChange={(next) => router.push(next > 1 ? `${pathname}?page=${next}` : pathname, { scroll: false })}
      aria-label="Order pages"
    />
  );
}
